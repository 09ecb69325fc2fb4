package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.Arrays;

/**
 * Values of a batch of points, each tagged with the model that produced it.
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * TaggedValues v = mixed.evaluate(points, generation);
 * for (int i = 0; i < v.size(); i++) {
 *   if (v.source(i) == Source.TRUTH) { archive.add(points[i], v.value(i)); }
 * }
 * }</pre>
 *
 * @param values the values, one per point of the batch
 * @param sources the source of each value
 */
public record TaggedValues(double[] values, Source[] sources) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an array or a source is null
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public TaggedValues {
    nonNull(values, "values");
    nonNull(sources, "sources");
    if (values.length != sources.length) {
      throw new IllegalArgumentException("values and sources must have the same length, but had "
          + values.length + " and " + sources.length);
    }
    for (int i = 0; i < sources.length; i++) {
      nonNull(sources[i], "sources[" + i + "]");
    }
    values = values.clone();
    sources = sources.clone();
  }

  /**
   * Returns a copy of the values.
   *
   * @return the values
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * Returns a copy of the sources.
   *
   * @return the sources
   */
  @Override
  public Source[] sources() {
    return sources.clone();
  }

  /**
   * Returns the number of values.
   *
   * @return the batch size
   */
  public int size() {
    return values.length;
  }

  /**
   * Returns one value.
   *
   * @param i the index in the batch
   * @return the value
   */
  public double value(int i) {
    return values[i];
  }

  /**
   * Returns the source of one value.
   *
   * @param i the index in the batch
   * @return the source
   */
  public Source source(int i) {
    return sources[i];
  }

  /**
   * Returns how many values came from the given source.
   *
   * @param source the source
   * @return the count
   */
  public int count(Source source) {
    nonNull(source, "source");
    int c = 0;
    for (Source s : sources) {
      if (s == source) {
        c++;
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedValues t
        && Arrays.equals(values, t.values)
        && Arrays.equals(sources, t.sources);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(sources);
  }

  @Override
  public String toString() {
    return "TaggedValues[" + values.length + " values, " + count(Source.TRUTH) + " from the truth]";
  }
}
