package io.github.nnproxy.internal;

import java.util.Objects;

/**
 * Argument checks shared by every public entry point of nnproxy. Not API: the package
 * {@code io.github.nnproxy.internal} may change without notice.
 *
 * <p>Every check names the argument and the value that was refused, e.g.
 * {@code "n must be > 0, but was -3"}. Checks written as {@code !(x > 0)} are false for NaN,
 * so NaN is always refused.
 */
public final class Requires {
  private Requires() {}

  /**
   * Returns {@code value} if it is not null.
   *
   * @param value the value to check
   * @param name the argument's name, for the message
   * @param <T> the value's type
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T nonNull(T value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  /**
   * Checks that an int is strictly positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value <= 0}
   */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a long is strictly positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value <= 0}
   */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that an int is zero or positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a long is zero or positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that an int is at least a minimum.
   *
   * @param value the value
   * @param min the smallest allowed value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < min}
   */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", but was " + value);
    }
    return value;
  }

  /**
   * Checks that a long is at least a minimum.
   *
   * @param value the value
   * @param min the smallest allowed value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < min}
   */
  public static long atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", but was " + value);
    }
    return value;
  }

  /**
   * Checks that a string is neither null nor blank.
   *
   * @param value the string
   * @param name the argument's name
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty or only white space
   */
  public static String notBlank(String value, String name) {
    nonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, but was \"" + value + "\"");
    }
    return value;
  }

  /**
   * Checks that an array of doubles is neither null nor empty.
   *
   * @param values the array
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static double[] nonEmpty(double[] values, String name) {
    nonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values;
  }

  /**
   * Checks that an array of longs is neither null nor empty.
   *
   * @param values the array
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static long[] nonEmpty(long[] values, String name) {
    nonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values;
  }

  /**
   * Checks that an array of objects is neither null nor empty.
   *
   * @param <T> the element type
   * @param values the array
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static <T> T[] nonEmpty(T[] values, String name) {
    nonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values;
  }

  /**
   * Checks that an array of ints is neither null nor empty.
   *
   * @param values the array
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static int[] nonEmpty(int[] values, String name) {
    nonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values;
  }

  /**
   * Checks that a double is finite and zero or positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite or is negative
   */
  public static double nonNegative(double value, String name) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a double is finite and strictly positive.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite or not {@code > 0}
   */
  public static double positive(double value, String name) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a double is finite.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a double lies in the open interval (0, 1).
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not strictly between 0 and 1
   */
  public static double openUnit(double value, String name) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), but was " + value);
    }
    return value;
  }

  /**
   * Checks that a double lies in the closed interval [0, 1].
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not in [0, 1]
   */
  public static double probability(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], but was " + value);
    }
    return value;
  }

  /**
   * Checks that a point has the expected length and only finite coordinates.
   *
   * @param x the point
   * @param dimension the expected length
   * @param name the argument's name
   * @return {@code x}
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if the length differs or a coordinate is not finite
   */
  public static double[] point(double[] x, int dimension, String name) {
    nonNull(x, name);
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          name + " must have length " + dimension + ", but had length " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be finite, but was " + x[i]);
      }
    }
    return x;
  }

  /**
   * Checks a batch of points: the array and every row non-null, of the given length, with finite
   * coordinates. Rows are named {@code name[i]} in the message.
   *
   * @param xs the points
   * @param dimension the expected length of every row
   * @param name the argument's name
   * @return {@code xs}
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  public static double[][] points(double[][] xs, int dimension, String name) {
    nonNull(xs, name);
    for (int i = 0; i < xs.length; i++) {
      point(xs[i], dimension, name + "[" + i + "]");
    }
    return xs;
  }

  /**
   * Checks an optional duration, such as a timeout: null (none) or positive.
   *
   * @param value the duration, or null
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is zero or negative
   */
  public static java.time.Duration positiveOrNull(java.time.Duration value, String name) {
    if (value != null && (value.isZero() || value.isNegative())) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
    return value;
  }
}
