package io.github.nnproxy.manage;

/**
 * Which model produced a value: the expensive truth or its proxy.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * TaggedValues v = mixed.evaluate(points, generation);
 * if (v.source(i) == Source.TRUTH) { ... a value to trust and to train on ... }
 * }</pre>
 */
public enum Source {
  /** The value came from the forward model itself. */
  TRUTH,
  /** The value came from the proxy. */
  PROXY
}
