/**
 * {@code synth serve}: the REST API and web UI over the Java API ({@link
 * io.syndata.engine.SynData}), with API keys, background jobs, metering, quotas and rate limits,
 * all state in one data directory.
 */
package io.syndata.server;
