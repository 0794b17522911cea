/**
 * The {@code synth} command line: thin picocli commands that parse, validate, call the Java API in
 * {@code io.syndata.engine} and map errors to exit codes.
 */
package io.syndata.cli;
