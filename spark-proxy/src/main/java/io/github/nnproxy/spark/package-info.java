/**
 * True evaluations on Apache Spark: {@link io.github.nnproxy.spark.SparkForwardModel} runs a
 * forward model's batches as Spark jobs, {@link io.github.nnproxy.spark.SparkRuntime} starts an
 * embedded {@code local[*]} context or connects to a cluster, and {@link
 * io.github.nnproxy.spark.SparkEvaluationBackend} offers both to the command line through {@link
 * io.github.nnproxy.spi.EvaluationBackend}. Only this module depends on Spark; see {@code
 * docs/spark.md}.
 */
package io.github.nnproxy.spark;
