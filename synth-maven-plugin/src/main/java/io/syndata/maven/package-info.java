/**
 * The synth Maven plugin: goals that introspect, train, generate and report through the Java API
 * ({@link io.syndata.engine.SynData}), configured the way jOOQ's and Flyway's plugins are.
 */
package io.syndata.maven;
