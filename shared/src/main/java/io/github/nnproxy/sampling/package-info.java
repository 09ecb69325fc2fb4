/**
 * How training points are drawn: {@link io.github.nnproxy.sampling.Sampler}, its factories {@link
 * io.github.nnproxy.sampling.Samplers} and the study's {@link
 * io.github.nnproxy.sampling.SamplingScheme}s.
 */
package io.github.nnproxy.sampling;
