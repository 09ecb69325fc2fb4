/**
 * External programs as forward models: {@link io.github.nnproxy.external.ExternalModel} runs a
 * simulation binary or script per point (or per batch), with timeouts, bounded concurrency and
 * failures counted by kind.
 */
package io.github.nnproxy.external;
