/**
 * The generation plan run as an Apache Spark job: partitions become tasks, their rows are written
 * by Spark's own writers (Parquet, CSV, JSON, JDBC). Same model file and seed, same rows as the
 * native engine. Entry points: {@link io.syndata.spark.SparkGeneration} (API), {@link
 * io.syndata.spark.SparkGenerate} (spark-submit), {@link io.syndata.spark.SparkEngine} (the command
 * line's {@code --engine spark}).
 */
package io.syndata.spark;
