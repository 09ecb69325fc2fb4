/**
 * The seam between nnproxy and optimization frameworks: {@link
 * io.github.nnproxy.optimize.Optimizer} and its result {@link io.github.nnproxy.optimize.Optimum}.
 */
package io.github.nnproxy.optimize;
