package io.github.nnproxy.study;

import java.util.Locale;

/**
 * What an optimizer run minimized: the trained proxy or the true function.
 *
 * <pre>{@code
 * if (run.objective() == Objective.TRUTH) { ... the optimizer's own error, no proxy involved ... }
 * }</pre>
 */
public enum Objective {
  /** The run minimized the proxy of its cell. */
  PROXY,
  /** The run minimized the true function (the baseline). */
  TRUTH;

  /**
   * Returns the lower-case label used in files, {@code "proxy"} or {@code "truth"}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label written by {@link #label()}.
   *
   * @param label {@code "proxy"} or {@code "truth"}, case-insensitive
   * @return the objective
   * @throws IllegalArgumentException if the label is neither
   */
  public static Objective parse(String label) {
    return switch (label.trim().toLowerCase(Locale.ROOT)) {
      case "proxy" -> PROXY;
      case "truth" -> TRUTH;
      default -> throw new IllegalArgumentException(
          "objective must be 'proxy' or 'truth', but was '" + label + "'");
    };
  }
}
