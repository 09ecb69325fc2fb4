package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;
import static io.github.nnproxy.internal.Requires.positive;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The grid half of a study, shared by {@link StabilityStudy} and {@link TrustStudy}: functions x
 * dimensions x sampling schemes x seeds, the proxies' seed, trainer and base size, and where and
 * how the study runs (threads, output folder, resume, listener). The settings, their accessors,
 * their builder methods and their checks are written once here. Not API: the public methods are
 * documented as the studies' own.
 *
 * <p>Immutable and thread-safe.
 */
abstract class StudyGrid {
  private final List<BenchmarkFunction> problems; // one per (function, dimension), canonical order
  private final List<String> functionNames;
  private final int[] dimensions;
  private final List<SamplingScheme> schemes;
  private final long[] seeds;
  private final long proxySeed;
  private final Function<BenchmarkFunction, ProxyTrainer> trainer;
  private final int baseSize;
  private final int threads;
  private final Path output;
  private final boolean resume;
  private final StudyListener listener;

  StudyGrid(Builder<?> b, Functions grid) {
    this.problems = List.copyOf(grid.functions());
    this.functionNames = List.copyOf(grid.names());
    this.dimensions = b.dimensions.clone();
    this.schemes = List.copyOf(b.schemes);
    this.seeds = b.seeds.clone();
    this.proxySeed = b.proxySeed;
    this.trainer = b.trainer;
    this.baseSize = b.baseSize;
    this.threads = b.threads;
    this.output = b.output;
    this.resume = b.resume;
    this.listener = b.listener;
  }

  /**
   * The seed of an optimizer's run on a function, the same in every study (so the trust study's
   * full truth runs are the stability study's truth runs): derived from the user's seed, the
   * function, its dimension and the optimizer's label, never from the order of execution.
   */
  static long runSeed(long seed, BenchmarkFunction f, String optimizer) {
    return Seeds.derive(seed, "run", f.name(), f.domain().dimension(), optimizer);
  }

  /**
   * Returns the functions, one per name and dimension, in canonical order.
   *
   * @return the functions
   */
  public List<BenchmarkFunction> problems() {
    return problems;
  }

  /**
   * Returns the function names in the order given.
   *
   * @return the names
   */
  public List<String> functionNames() {
    return functionNames;
  }

  /**
   * Returns the dimensions in the order given.
   *
   * @return a copy of the dimensions
   */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /**
   * Returns the sampling schemes in the order given.
   *
   * @return the schemes
   */
  public List<SamplingScheme> schemes() {
    return schemes;
  }

  /**
   * Returns the user's seeds: every optimizer (and method) runs once per seed and cell.
   *
   * @return a copy of the seeds
   */
  public long[] seeds() {
    return seeds.clone();
  }

  /**
   * Returns the master seed of the proxies' samples and training.
   *
   * @return the seed
   */
  public long proxySeed() {
    return proxySeed;
  }

  /**
   * Returns the trainer of a function's proxies.
   *
   * @param f the function (and dimension)
   * @return the trainer
   * @throws NullPointerException if the trainer function returns null
   */
  public ProxyTrainer trainer(BenchmarkFunction f) {
    return nonNull(trainer.apply(f), "trainer(" + f.name() + ")");
  }

  /**
   * Returns the base sample size; see {@link SamplingScheme#sampleSize(int)}.
   *
   * @return the base size
   */
  public int baseSize() {
    return baseSize;
  }

  /**
   * Returns the number of worker threads.
   *
   * @return the threads
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the output folder.
   *
   * @return the folder
   */
  public Path output() {
    return output;
  }

  /**
   * Tells whether the study resumes from the results already in its output folder.
   *
   * @return true (the default) to reuse finished runs and saved proxies; false to refuse a folder
   *     that holds results
   */
  public boolean resume() {
    return resume;
  }

  /**
   * Returns the progress listener.
   *
   * @return the listener
   */
  public StudyListener listener() {
    return listener;
  }

  /**
   * The grid half of a study's builder. Each method checks its argument at once. Not
   * thread-safe.
   *
   * @param <B> the study's builder
   */
  abstract static class Builder<B extends Builder<B>> {
    private final List<IntFunction<BenchmarkFunction>> factories = new ArrayList<>();
    private int[] dimensions = {2, 4, 10};
    private List<SamplingScheme> schemes = List.of(SamplingScheme.DENSE_UNIFORM,
        SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN);
    private long[] seeds;
    private long proxySeed = 42;
    private Function<BenchmarkFunction, ProxyTrainer> trainer = f -> ProxyTrainer.defaults();
    private int baseSize = SamplingScheme.PAPER_BASE_SIZE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Path output;
    private boolean resume = true;
    private StudyListener listener = StudyListener.NONE;

    Builder(long[] seeds, Path output) {
      this.seeds = seeds.clone();
      this.output = output;
    }

    /** This builder, as its own type. */
    abstract B self();

    /**
     * Adds benchmark functions by name ({@link Benchmarks#byName(String, int)}).
     *
     * @param names the names, e.g. {@code "ackley"}
     * @return this builder
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if a name is unknown or none is given
     */
    public B functions(String... names) {
      factories.addAll(byNames(names));
      return self();
    }

    /**
     * Adds a function given as a factory of its instances per dimension; its name is {@link
     * BenchmarkFunction#name()}.
     *
     * @param factory returns the function of dimension {@code d}
     * @return this builder
     * @throws NullPointerException if {@code factory} is null
     */
    public B function(IntFunction<BenchmarkFunction> factory) {
      factories.add(nonNull(factory, "factory"));
      return self();
    }

    /**
     * Sets the dimensions (default 2, 4, 10).
     *
     * @param dimensions the dimensions, each {@code > 0}, no duplicates
     * @return this builder
     * @throws IllegalArgumentException if none is given, one is {@code <= 0} or repeated
     */
    public B dimensions(int... dimensions) {
      this.dimensions = StudyGrid.dimensions(dimensions);
      return self();
    }

    /**
     * Sets the sampling schemes (default the seed's dense, sparse and Gaussian).
     *
     * @param schemes the schemes, no duplicates
     * @return this builder
     * @throws IllegalArgumentException if none is given or one repeats
     */
    public B schemes(SamplingScheme... schemes) {
      this.schemes = StudyGrid.schemes(schemes);
      return self();
    }

    /**
     * Sets the user's seeds: every optimizer (and method) runs once per seed and cell.
     *
     * @param seeds the seeds, no duplicates
     * @return this builder
     * @throws IllegalArgumentException if none is given or one repeats
     */
    public B seeds(long... seeds) {
      this.seeds = StudyGrid.seeds(seeds);
      return self();
    }

    /**
     * Sets the master seed of the proxies' samples and training (default 42); a cell's proxy is
     * the same in every study with the same seed, trainer and base size.
     *
     * @param seed the seed
     * @return this builder
     */
    public B proxySeed(long seed) {
      this.proxySeed = seed;
      return self();
    }

    /**
     * Sets how a function's proxies are trained, e.g. {@code SeedRecipes::trainer} (default
     * {@link ProxyTrainer#defaults()}).
     *
     * @param trainer returns the trainer of a function (of one dimension)
     * @return this builder
     * @throws NullPointerException if {@code trainer} is null
     */
    public B trainer(Function<BenchmarkFunction, ProxyTrainer> trainer) {
      this.trainer = nonNull(trainer, "trainer");
      return self();
    }

    /**
     * Sets the base sample size (the seed's dense size, default 10,000).
     *
     * @param baseSize the size, {@code >= 40} (the sparse scheme draws a quarter of it and a
     *     proxy needs {@link ProxyTrainer#MIN_SAMPLES})
     * @return this builder
     * @throws IllegalArgumentException if {@code baseSize < 40}
     */
    public B baseSize(int baseSize) {
      if (baseSize < 4 * ProxyTrainer.MIN_SAMPLES) {
        throw new IllegalArgumentException("baseSize must be >= " + 4 * ProxyTrainer.MIN_SAMPLES
            + ", but was " + baseSize);
      }
      this.baseSize = baseSize;
      return self();
    }

    /**
     * Sets the number of worker threads (default all processors); results do not depend on it.
     *
     * @param threads the threads, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code threads <= 0}
     */
    public B threads(int threads) {
      this.threads = positive(threads, "threads");
      return self();
    }

    /**
     * Sets whether to resume from the results already in the output folder (default true).
     *
     * <p>On (the default): if the folder holds results of the same configuration (its {@code
     * study-config.txt} matches), finished runs and saved proxies are reused and only the missing
     * ones are made; results of another configuration are refused. Off: the folder must hold no
     * study results; a folder that does is refused, never overwritten. Either way the study never
     * mixes configurations and never deletes results: to start over, delete the folder or choose
     * a new one.
     *
     * @param resume false to insist on a fresh folder
     * @return this builder
     */
    public B resume(boolean resume) {
      this.resume = resume;
      return self();
    }

    /**
     * Sets the output folder (created if missing). If it holds results of the same configuration,
     * the study resumes them ({@link #resume(boolean)}); results of another one are refused.
     *
     * @param output the folder
     * @return this builder
     * @throws NullPointerException if {@code output} is null
     */
    public B output(Path output) {
      this.output = nonNull(output, "output");
      return self();
    }

    /**
     * Sets the progress listener (default none).
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public B listener(StudyListener listener) {
      this.listener = nonNull(listener, "listener");
      return self();
    }

    /**
     * Builds every function in every dimension, checks them, and checks that optimizers were
     * added.
     *
     * @param optimizers the number of optimizers added
     * @throws IllegalArgumentException if no function or no optimizer was added, two functions
     *     share a name, a name is not fit for a file name, or a function does not exist in a
     *     dimension
     */
    Functions resolve(int optimizers) {
      Functions grid = StudyGrid.resolve(factories, dimensions);
      if (optimizers == 0) {
        throw new IllegalArgumentException("optimizers must not be empty: add at least one");
      }
      return grid;
    }
  }

  /** The functions of a grid, one per (function, dimension) in canonical order, and their names. */
  record Functions(List<BenchmarkFunction> functions, List<String> names) {}

  /** Factories of benchmark functions by name; an unknown name fails now, not at build time. */
  static List<IntFunction<BenchmarkFunction>> byNames(String... names) {
    nonNull(names, "names");
    Requires.nonEmpty(names, "names");
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
    Requires.nonEmpty(dimensions, "dimensions");
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
    Requires.nonEmpty(seeds, "seeds");
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
