package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import java.util.Arrays;

/**
 * One point scored by a mixed evaluator, with its value and the model that produced it: the
 * entries of the logs that the Jenetics and jMetal mixed evaluators keep, from which the true
 * values can be taken to retrain a proxy.
 *
 * <p>Immutable: the point is copied in and out.
 *
 * <pre>{@code
 * for (TaggedPoint p : evaluator.log()) {
 *   if (p.source() == Source.TRUTH) { archive.add(p.x(), p.value()); }
 * }
 * }</pre>
 *
 * @param batch the batch the point was scored in (0 for an evaluator's first batch)
 * @param x the point
 * @param value the value the model gave
 * @param source the model that gave it
 */
public record TaggedPoint(long batch, double[] x, double value, Source source) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code x} or {@code source} is null
   * @throws IllegalArgumentException if {@code batch < 0}
   */
  public TaggedPoint {
    nonNull(x, "x");
    nonNull(source, "source");
    Requires.nonNegative(batch, "batch");
    x = x.clone();
  }

  /**
   * Returns a copy of the point.
   *
   * @return the point
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedPoint p
        && batch == p.batch
        && Arrays.equals(x, p.x)
        && Double.compare(value, p.value) == 0
        && source == p.source;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {batch, Arrays.hashCode(x), value, source});
  }

  @Override
  public String toString() {
    return "TaggedPoint[batch=" + batch + ", x=" + Arrays.toString(x) + ", value=" + value
        + ", source=" + source + "]";
  }
}
