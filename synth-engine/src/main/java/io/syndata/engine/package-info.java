/**
 * The Java API of SynData: {@link io.syndata.engine.SynData} runs the one path — source, schema and
 * foreign-key graph, model fit, generation, target — and the CLI, Maven plugin and server sit on
 * it.
 */
package io.syndata.engine;
