package io.github.nnproxy.cli;

import io.github.nnproxy.internal.Requires;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The seeds of a study as given on the command line: a count ({@code 5} means seeds 1 to 5), a
 * range ({@code 3..7}) or a comma-separated list ({@code 1,7,42}).
 *
 * <p>Immutable: the seeds are copied in and out.
 *
 * <pre>{@code
 * long[] seeds = SeedList.parse("3..5").seeds();   // {3, 4, 5}
 * }</pre>
 *
 * @param seeds the seeds, distinct, at least one
 */
public record SeedList(long[] seeds) {

  /** The most seeds a count or range may expand to. */
  public static final int MAX_SEEDS = 10_000;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if there is no seed or one repeats
   */
  public SeedList {
    Requires.nonEmpty(seeds, "seeds");
    if (Arrays.stream(seeds).distinct().count() != seeds.length) {
      throw new IllegalArgumentException(
          "seeds must not repeat, but were " + Arrays.toString(seeds));
    }
    seeds = seeds.clone();
  }

  /**
   * Returns a copy of the seeds.
   *
   * @return the seeds
   */
  @Override
  public long[] seeds() {
    return seeds.clone();
  }

  /**
   * Returns seeds 1 to {@code count}.
   *
   * @param count the number of seeds, in [1, {@value #MAX_SEEDS}]
   * @return the seeds
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  public static SeedList count(int count) {
    return range(1, count);
  }

  /**
   * Parses a count, a range {@code a..b} or a comma-separated list.
   *
   * @param text the text
   * @return the seeds
   * @throws IllegalArgumentException if the text is none of these, a list repeats a seed, or a
   *     count or range is empty or longer than {@value #MAX_SEEDS}
   */
  public static SeedList parse(String text) {
    String t = text.trim();
    try {
      if (t.contains(",")) {
        Set<Long> list = new LinkedHashSet<>();
        for (String part : t.split(",", -1)) {
          if (!part.isBlank() && !list.add(Long.parseLong(part.trim()))) {
            throw new IllegalArgumentException(
                "seed " + part.trim() + " repeats in '" + text + "'");
          }
        }
        return new SeedList(list.stream().mapToLong(Long::longValue).toArray());
      }
      int dots = t.indexOf("..");
      if (dots >= 0) {
        return range(Long.parseLong(t.substring(0, dots).trim()),
            Long.parseLong(t.substring(dots + 2).trim()));
      }
      return range(1, Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seeds must be a count (5), a range (3..7) or a list "
          + "(1,7,42), but was '" + text + "'", e);
    }
  }

  private static SeedList range(long from, long to) {
    if (to < from || to - from >= MAX_SEEDS) {
      throw new IllegalArgumentException("seeds must span 1 to " + MAX_SEEDS + " values, but "
          + "were " + from + ".." + to);
    }
    long[] s = new long[(int) (to - from + 1)];
    for (int i = 0; i < s.length; i++) {
      s[i] = from + i;
    }
    return new SeedList(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeedList l && Arrays.equals(seeds, l.seeds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(seeds);
  }

  @Override
  public String toString() {
    boolean consecutive = seeds.length > 2;
    for (int i = 1; i < seeds.length && consecutive; i++) {
      consecutive = seeds[i] == seeds[i - 1] + 1;
    }
    return consecutive ? seeds[0] + ".." + seeds[seeds.length - 1] : Arrays.toString(seeds);
  }
}
