package io.github.nnproxy.cli;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.spi.EvaluationBackend;
import io.github.nnproxy.store.EvaluationStore;
import io.github.nnproxy.store.LoggedEvaluations;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy train}: trains a proxy of a benchmark function, of an external program ({@code
 * --command}), or of logged evaluations ({@code --data}), saves it and prints its quality. With
 * {@code --store} every true evaluation is recorded as it finishes and a rerun resumes.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy train --function rastrigin --dimension 4 --scheme sparse --out rastrigin.nnproxy
 * nnproxy train --command "./sim --fast" --bounds 0:1,0:1 --samples 500 --store sim.db
 * nnproxy train --data runs.csv --inputs pressure,temperature --value yield
 * }</pre>
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Samples a benchmark function (--function) or an external program "
        + "(--command), or reads logged evaluations (--data), trains a neural-network proxy, "
        + "saves it to a file (read it back with 'nnproxy optimize --proxy FILE') and prints its "
        + "validation quality.")
public final class TrainCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-f", "--function"}, paramLabel = "NAME",
      converter = Converters.FunctionName.class,
      description = "Benchmark function: ackley, rastrigin, rosenbrock, sphere, griewank, levy, "
          + "styblinski-tang, schwefel. Default: ${DEFAULT-VALUE}.")
  private String function = "ackley";

  @Option(names = {"-d", "--dimension"}, paramLabel = "D",
      description = "Dimension. Default: ${DEFAULT-VALUE}.")
  private int dimension = 2;

  @Option(names = {"-s", "--scheme"}, paramLabel = "SCHEME", converter = Converters.Scheme.class,
      description = "Sampling scheme: dense, sparse, gaussian, lhs, sobol. Default: dense.")
  private SamplingScheme scheme = SamplingScheme.DENSE_UNIFORM;

  @Option(names = "--trainer", paramLabel = "defaults|relu|paper|quick",
      converter = Converters.Trainer.class,
      description = "Proxy trainer: defaults (smooth SiLU network), relu (nnproxy 0.1's "
          + "defaults), paper (the seed's network, minutes) or quick. "
          + "Default: ${DEFAULT-VALUE}.")
  private TrainerPreset trainer = TrainerPreset.DEFAULTS;

  @Option(names = {"-n", "--samples"}, paramLabel = "N",
      description = "Points to sample. Default: the scheme's share of the seed's 10000 "
          + "(2500 for sparse, 10000 otherwise).")
  private Integer samples;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of the sample and the training. Default: ${DEFAULT-VALUE}.")
  private long seed = 42;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that evaluate the function and compute the gradient; the proxy does "
          + "not depend on it. A second thread gains about 10%% on a 2-core machine, and can lose "
          + "when other work runs. Default: ${DEFAULT-VALUE}.")
  private int threads = 1;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "File to save the proxy to; its folder must exist. A proxy file there is "
          + "replaced; any other file only with --force. "
          + "Default: nnproxy-results/<function>-<d>d-<scheme>.nnproxy (the folder is created).")
  private Path out;

  @Option(names = "--force",
      description = "Overwrite --out even when it is not a proxy file. Default: refuse.")
  private boolean force;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "Train on logged evaluations instead of sampling: a CSV file with a header "
          + "row. Rows with a missing or non-finite value or input are skipped and counted. No "
          + "simulation runs. Default: none (sample the truth).")
  private Path data;

  @Option(names = "--inputs", paramLabel = "COL[,COL...]", split = ",",
      description = "With --data: the input columns, in order. Default: the columns named x1, "
          + "x2, ... (as an exported --store has).")
  private List<String> inputs = List.of();

  @Option(names = "--value", paramLabel = "COL",
      description = "With --data: the value column. Default: ${DEFAULT-VALUE}.")
  private String valueColumn = "value";

  @Mixin
  private TruthOptions truth = new TruthOptions();

  @Mixin
  private SparkOption spark = new SparkOption();

  @Option(names = {"-q", "--quiet"},
      description = "No progress on standard error: a progress bar when the output is a "
          + "terminal, otherwise one line at every tenth of the epochs.")
  private boolean quiet;

  /** Creates the command; picocli fills it. */
  public TrainCommand() {}

  /**
   * Trains and saves the proxy.
   *
   * @return 0
   * @throws ParameterException if the dimension or sample size is invalid, or --out is a file
   *     that is not a proxy and --force is not given
   * @throws IllegalStateException if --out or --store cannot be written
   */
  @Override
  public Integer call() {
    boolean named = spec.commandLine().getParseResult().hasMatchedOption("--function");
    if (data != null && (truth.external() || named)) {
      throw new ParameterException(spec.commandLine(), "--data trains on logged evaluations; "
          + "it cannot be combined with " + (named ? "--function" : "--command"));
    }
    if (truth.external() && named) {
      throw new ParameterException(spec.commandLine(),
          "--command and --function both name the truth: give one");
    }
    OptionChecks.atLeast(spec.commandLine(), "--threads", threads, 1);
    if (samples != null) {
      OptionChecks.atLeast(spec.commandLine(), "--samples", samples, ProxyTrainer.MIN_SAMPLES);
    }
    truth.checkRetry(spec.commandLine());
    if (truth.storeFile() != null) {
      OutputPaths.checkFile("--store", truth.storeFile());
    }
    if (data != null) {
      return fromData();
    }
    BenchmarkFunction f = null;
    ForwardModel model;
    Sampler sampler;
    String label;
    int n;
    ProxyTrainer t;
    try {
      if (truth.external()) {
        Domain domain = truth.domain();
        if (domain == null) {
          throw new IllegalArgumentException("--command needs --bounds LO:HI[,LO:HI...], one "
              + "interval per input of the program");
        }
        if (scheme == SamplingScheme.GAUSSIAN) {
          throw new IllegalArgumentException("the gaussian scheme centres on the known "
              + "optimum of a benchmark function; use dense, sparse, lhs or sobol for --command");
        }
        model = truth.model(domain);
        sampler = switch (scheme) {
          case DENSE_UNIFORM, SPARSE_UNIFORM -> Samplers.uniform();
          case LATIN_HYPERCUBE -> Samplers.latinHypercube();
          case SOBOL -> Samplers.sobol();
          case GAUSSIAN -> throw new IllegalStateException("checked above");
        };
        label = "external-" + domain.dimension() + "d";
        t = trainer.trainer(domain);
      } else {
        OptionChecks.dimension(spec.commandLine(), "--dimension", function, dimension);
        f = Benchmarks.byName(function, dimension);
        model = f;
        sampler = SeedRecipes.sampler(scheme, f);
        label = f.name() + "-" + dimension + "d";
        t = trainer.trainer(f);
      }
      n = samples != null ? samples : scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE);
      t = withEpochLines(t.toBuilder().threads(threads).build());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path file = outFile(label + "-" + scheme.label());
    OutputPaths.checkProxyFile(spec.commandLine(), "--out", file, force, out == null);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "Training a proxy of %s on %d %s points (seed %d) with %s (%s)...%n",
        model, n, scheme.label(), seed, trainer.key(), t);
    w.flush();
    Proxy proxy;
    EvaluationStore store = truth.storeFile() == null ? null
        : EvaluationStore.open(truth.storeFile(), model.domain());
    // the store stays on this machine; a cluster (--spark) runs only the simulations it lacks
    try (EvaluationBackend.Session backend = spark.open(spec.commandLine());
        Busy busy = Busy.start(!quiet && System.console() != null, "training", System.err)) {
      ForwardModel evaluated = backend.distribute(model);
      proxy = t.train(store == null ? evaluated : store.wrap(evaluated, truth.failurePolicy()),
          sampler, n, seed);
    } finally {
      if (store != null) {
        store.close();
      }
    }
    proxy.save(file);
    w.println("Quality: " + proxy.quality());
    if (store != null) {
      w.printf(Locale.ROOT, "Store:   %d of the %d evaluations simulated now, %d answered from "
          + "%s (%s recorded)%n", store.simulations(), n, store.answered(),
          store.file(), Counts.of(store.size(), "point", "points"));
    }
    ProxyWarning.of(proxy).ifPresent(w::println);
    if (f != null) {
      double[] x = f.optimum();
      w.printf(Locale.ROOT, "At the true optimum: truth %.6g, proxy %.6g%n", f.evaluate(x),
          proxy.evaluate(x));
    }
    w.println("Saved:   " + file.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  /** {@code --data}: reads the logged evaluations and fits a proxy to them with {@code fit}. */
  private Integer fromData() {
    if (!Files.isRegularFile(data)) {
      throw new ParameterException(spec.commandLine(), "--data file not found: " + data);
    }
    if (samples != null || truth.external() || truth.storeFile() != null) {
      throw new ParameterException(spec.commandLine(), "--data trains on the file's rows: "
          + "--samples, --command and --store do not apply");
    }
    LoggedEvaluations logged;
    Domain domain;
    ProxyTrainer t;
    try {
      logged = LoggedEvaluations.readCsv(data, inputs, valueColumn);
      Domain given = truth.domain();
      if (given != null && given.dimension() != logged.inputs().size()) {
        throw new IllegalArgumentException("--bounds has " + given.dimension() + " intervals, "
            + "but the data has " + logged.inputs().size() + " inputs " + logged.inputs());
      }
      domain = given != null ? given : logged.range();
      t = withEpochLines(trainer.trainer(domain).toBuilder().threads(threads).seed(seed).build());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    String name = data.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    Path file = outFile(name);
    OutputPaths.checkProxyFile(spec.commandLine(), "--out", file, force, out == null);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "Read %s of %s: %d usable, %d skipped (%d missing value, %d "
            + "non-finite value, %d bad input)%n", Counts.of(logged.rowsRead(), "row", "rows"),
        data, logged.y().length,
        logged.skipped(), logged.missingValue(), logged.nonFiniteValue(), logged.badInput());
    w.printf(Locale.ROOT, "Training a proxy of %s from inputs %s on %s (seed %d) with %s "
        + "(%s)...%n", valueColumn, logged.inputs(), domain, seed, trainer.key(), t);
    w.flush();
    Proxy proxy;
    try (Busy busy = Busy.start(!quiet && System.console() != null, "training", System.err)) {
      proxy = t.fit(logged.x(), logged.y(), domain);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    proxy.save(file);
    w.println("Quality: " + proxy.quality());
    ProxyWarning.of(proxy).ifPresent(w::println);
    w.println("Saved:   " + file.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  /** Without a terminal for the progress bar, training reports plain lines ({@link EpochLines}). */
  private ProxyTrainer withEpochLines(ProxyTrainer t) {
    if (quiet || System.console() != null) {
      return t;
    }
    return t.toBuilder().progress(new EpochLines(spec.commandLine().getErr(), t.epochs())).build();
  }

  private Path outFile(String stem) {
    return out != null ? out : Path.of("nnproxy-results", stem + ".nnproxy");
  }
}
