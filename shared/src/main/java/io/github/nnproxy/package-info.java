/**
 * The core types of nnproxy: a {@link io.github.nnproxy.Domain} and a {@link
 * io.github.nnproxy.ForwardModel} defined on it. Forward models are the expensive truth, benchmark
 * functions ({@link io.github.nnproxy.benchmark}) and trained proxies ({@link
 * io.github.nnproxy.proxy}) alike.
 */
package io.github.nnproxy;
