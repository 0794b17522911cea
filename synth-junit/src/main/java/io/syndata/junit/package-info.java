/**
 * A JUnit 5 extension that seeds test databases from SynData model files: {@link
 * io.syndata.junit.SynthDatabase} on a test class, a field or a parameter of type {@code
 * DataSource}.
 */
package io.syndata.junit;
