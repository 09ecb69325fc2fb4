package io.github.nnproxy.external;

import io.github.nnproxy.EvaluationOutcome;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a value printed by an external program: a decimal number, or NaN and the infinities as
 * Python ({@code nan}, {@code inf}, {@code -inf}) or Java ({@code NaN}, {@code Infinity}) print
 * them. Java's other literals ({@code 1.5d}, hexadecimal) are not values: a line holding one is
 * more likely a message than a result.
 */
final class ValueParser {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private ValueParser() {}

  /**
   * Parses a line.
   *
   * @param line the line, surrounding white space allowed
   * @return the outcome of the value (NaN and infinities are failures), or null if the line is
   *     not a number
   */
  static EvaluationOutcome parse(String line) {
    String s = line.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan", "+nan", "-nan" -> {
        return EvaluationOutcome.of(Double.NaN);
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return EvaluationOutcome.of(Double.POSITIVE_INFINITY);
      }
      case "-inf", "-infinity" -> {
        return EvaluationOutcome.of(Double.NEGATIVE_INFINITY);
      }
      default -> {
        if (!DECIMAL.matcher(s).matches()) {
          return null;
        }
        return EvaluationOutcome.of(Double.parseDouble(s));
      }
    }
  }
}
