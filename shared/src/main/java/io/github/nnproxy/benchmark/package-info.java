/**
 * Benchmark functions with known minimizers ({@link io.github.nnproxy.benchmark.Benchmarks}), used
 * as stand-ins for expensive simulations in the stability study.
 */
package io.github.nnproxy.benchmark;
