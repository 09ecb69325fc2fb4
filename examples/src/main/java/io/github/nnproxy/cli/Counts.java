package io.github.nnproxy.cli;

import java.util.Locale;

/**
 * Counts in the command line's messages, with the noun in the singular or the plural as the count
 * asks: "1 proxy", "9 proxies", "1 seed", "0 runs".
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Counts.of(1, "proxy", "proxies")   // "1 proxy"
 * Counts.of(3, "seed", "seeds")      // "3 seeds"
 * }</pre>
 */
final class Counts {
  private Counts() {}

  /**
   * Returns the count followed by the noun that agrees with it.
   *
   * @param n the count
   * @param one the singular, used for exactly 1
   * @param many the plural, used for every other count (0 included)
   * @return e.g. {@code "1 proxy"}
   */
  static String of(long n, String one, String many) {
    return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
  }
}
