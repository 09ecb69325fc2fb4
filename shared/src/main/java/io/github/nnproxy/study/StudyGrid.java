package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;
import static io.github.nnproxy.internal.Requires.positive;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The argument checks of a study grid (functions, dimensions, schemes, seeds), shared by the
 * builders of {@link StabilityStudy} and {@link TrustStudy}. Not API.
 */
final class StudyGrid {
  private StudyGrid() {}

  /** The functions of a grid, one per (function, dimension) in canonical order, and their names. */
  record Functions(List<BenchmarkFunction> functions, List<String> names) {}

  /** Factories of benchmark functions by name; an unknown name fails now, not at build time. */
  static List<IntFunction<BenchmarkFunction>> byNames(String... names) {
    nonNull(names, "names");
    if (names.length == 0) {
      throw new IllegalArgumentException("names must not be empty");
    }
    List<IntFunction<BenchmarkFunction>> factories = new ArrayList<>(names.length);
    for (String n : names) {
      nonNull(n, "name");
      Benchmarks.byName(n, 2); // fails now on an unknown name
      factories.add(d -> Benchmarks.byName(n, d));
    }
    return factories;
  }

  /** A copy of non-empty, positive, distinct dimensions. */
  static int[] dimensions(int... dimensions) {
    nonNull(dimensions, "dimensions");
    if (dimensions.length == 0) {
      throw new IllegalArgumentException("dimensions must not be empty");
    }
    for (int d : dimensions) {
      positive(d, "dimension");
    }
    if (Arrays.stream(dimensions).distinct().count() != dimensions.length) {
      throw new IllegalArgumentException(
          "dimensions must not repeat, but were " + Arrays.toString(dimensions));
    }
    return dimensions.clone();
  }

  /** Non-empty, distinct, non-null schemes as an immutable list. */
  static List<SamplingScheme> schemes(SamplingScheme... schemes) {
    nonNull(schemes, "schemes");
    List<SamplingScheme> list = List.of(schemes); // rejects null elements
    if (list.isEmpty() || new HashSet<>(list).size() != list.size()) {
      throw new IllegalArgumentException(
          "schemes must be non-empty without repeats, but were " + list);
    }
    return list;
  }

  /** A copy of non-empty, distinct seeds. */
  static long[] seeds(long... seeds) {
    nonNull(seeds, "seeds");
    if (seeds.length == 0) {
      throw new IllegalArgumentException("seeds must not be empty");
    }
    if (Arrays.stream(seeds).distinct().count() != seeds.length) {
      throw new IllegalArgumentException(
          "seeds must not repeat, but were " + Arrays.toString(seeds));
    }
    return seeds.clone();
  }

  /**
   * Builds every function in every dimension and checks that each has the dimension asked for, a
   * name usable in file names, and a name of its own.
   */
  static Functions resolve(List<IntFunction<BenchmarkFunction>> factories, int[] dimensions) {
    if (factories.isEmpty()) {
      throw new IllegalArgumentException("functions must not be empty: add at least one");
    }
    List<BenchmarkFunction> fs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (IntFunction<BenchmarkFunction> factory : factories) {
      String name = null;
      for (int d : dimensions) {
        BenchmarkFunction f = nonNull(factory.apply(d), "function of dimension " + d);
        if (f.domain().dimension() != d) {
          throw new IllegalArgumentException("function " + f.name() + " asked for dimension "
              + d + " has dimension " + f.domain().dimension());
        }
        name = f.name();
        fs.add(f);
      }
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("function name must be letters, digits, '.', '_' "
            + "or '-' (it names files), but was '" + name + "'");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("function '" + name + "' is added twice");
      }
      names.add(name);
    }
    return new Functions(fs, names);
  }
}
