package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.proxy.ProxyQuality;
import java.nio.file.Path;

/**
 * A proxy trained by a study: its cell, where it was saved and how well it fits.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * Proxy p = Proxy.load(record.file());
 * double r2 = record.quality().validationR2();
 * }</pre>
 *
 * @param function the benchmark function's name
 * @param dimension the dimension
 * @param scheme the sampling scheme's label
 * @param samples the number of points sampled
 * @param seed the derived seed of the sampling and the training
 * @param file the saved proxy, {@code proxies/<function>-<d>d-<scheme>.nnproxy}
 * @param quality the quality measured in training
 */
public record ProxyRecord(
    String function, int dimension, String scheme, int samples, long seed, Path file,
    ProxyQuality quality) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference is null
   */
  public ProxyRecord {
    nonNull(function, "function");
    nonNull(scheme, "scheme");
    nonNull(file, "file");
    nonNull(quality, "quality");
  }
}
