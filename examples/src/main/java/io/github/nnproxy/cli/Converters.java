package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters of the command line's names: each turns the library's {@code
 * IllegalArgumentException} into a {@link TypeConversionException}, which picocli reports as a
 * one-line usage error (exit code 2).
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * @Option(names = "--scheme", converter = Converters.Scheme.class)
 * SamplingScheme scheme;
 * }</pre>
 */
public final class Converters {
  private Converters() {}

  /** A benchmark function's name, checked against {@link Benchmarks#NAMES}; lower case. */
  public static final class FunctionName implements ITypeConverter<String> {
    /** Creates the converter. */
    public FunctionName() {}

    /**
     * Converts a function name.
     *
     * @param value the name
     * @return the name in canonical form
     * @throws TypeConversionException if no function has that name
     */
    @Override
    public String convert(String value) {
      return wrap(() -> Benchmarks.byName(value, 2).name());
    }
  }

  /** A sampling scheme ({@link SamplingScheme#parse}). */
  public static final class Scheme implements ITypeConverter<SamplingScheme> {
    /** Creates the converter. */
    public Scheme() {}

    /**
     * Converts a scheme name.
     *
     * @param value the name, e.g. {@code dense}
     * @return the scheme
     * @throws TypeConversionException if no scheme has that name
     */
    @Override
    public SamplingScheme convert(String value) {
      return wrap(() -> SamplingScheme.parse(value));
    }
  }

  /** An optimizer of the catalogue ({@link OptimizerChoice#parse}). */
  public static final class Optimizer implements ITypeConverter<OptimizerChoice> {
    /** Creates the converter. */
    public Optimizer() {}

    /**
     * Converts an optimizer name.
     *
     * @param value the name, e.g. {@code pso}
     * @return the optimizer
     * @throws TypeConversionException if no optimizer has that name
     */
    @Override
    public OptimizerChoice convert(String value) {
      return wrap(() -> OptimizerChoice.parse(value));
    }
  }

  /** A trainer preset ({@link TrainerPreset#parse}). */
  public static final class Trainer implements ITypeConverter<TrainerPreset> {
    /** Creates the converter. */
    public Trainer() {}

    /**
     * Converts a trainer name.
     *
     * @param value the name, e.g. {@code defaults}
     * @return the preset
     * @throws TypeConversionException if no preset has that name
     */
    @Override
    public TrainerPreset convert(String value) {
      return wrap(() -> TrainerPreset.parse(value));
    }
  }

  /** A study preset, {@code quick} or {@code paper}. */
  public static final class Preset implements ITypeConverter<StudyPreset> {
    /** Creates the converter. */
    public Preset() {}

    /**
     * Converts a preset name.
     *
     * @param value the name
     * @return the preset
     * @throws TypeConversionException if no preset has that name
     */
    @Override
    public StudyPreset convert(String value) {
      String k = value.trim().toLowerCase(Locale.ROOT);
      for (StudyPreset p : StudyPreset.values()) {
        if (p.key().equals(k)) {
          return p;
        }
      }
      throw new TypeConversionException(
          "preset must be one of quick, paper, but was '" + value + "'");
    }
  }

  /** Seeds: a count, a range or a list ({@link SeedList#parse}). */
  public static final class Seeds implements ITypeConverter<SeedList> {
    /** Creates the converter. */
    public Seeds() {}

    /**
     * Converts seeds.
     *
     * @param value the text, e.g. {@code 5} or {@code 1,7,42}
     * @return the seeds
     * @throws TypeConversionException if the text is not a valid seed list
     */
    @Override
    public SeedList convert(String value) {
      return wrap(() -> SeedList.parse(value));
    }
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T wrap(Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
