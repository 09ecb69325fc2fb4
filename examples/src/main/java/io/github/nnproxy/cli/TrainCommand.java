package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyQuality;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.spi.EvaluationBackend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy train}: trains a proxy of a benchmark function, saves it and prints its quality.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy train --function rastrigin --dimension 4 --scheme sparse --out rastrigin.nnproxy
 * }</pre>
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Samples a benchmark function, trains a neural-network proxy of it, saves the "
        + "proxy to a file (read it back with 'nnproxy optimize --proxy FILE') and prints its "
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
      description = "File to save the proxy to. "
          + "Default: nnproxy-results/<function>-<d>d-<scheme>.nnproxy.")
  private Path out;

  @Mixin
  private SparkOption spark = new SparkOption();

  @Option(names = {"-q", "--quiet"},
      description = "No progress indicator. It is drawn on standard error only when the output "
          + "is a terminal.")
  private boolean quiet;

  /** Creates the command; picocli fills it. */
  public TrainCommand() {}

  /**
   * Trains and saves the proxy.
   *
   * @return 0
   * @throws ParameterException if the dimension or sample size is invalid
   */
  @Override
  public Integer call() {
    BenchmarkFunction f;
    int n;
    ProxyTrainer t;
    try {
      f = Benchmarks.byName(function, dimension);
      n = samples != null ? samples : scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE);
      if (n < ProxyTrainer.MIN_SAMPLES) {
        throw new IllegalArgumentException(
            "samples must be >= " + ProxyTrainer.MIN_SAMPLES + ", but was " + n);
      }
      t = trainer.trainer(f).toBuilder().threads(threads).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path file = out != null ? out : Path.of("nnproxy-results",
        f.name() + "-" + dimension + "d-" + scheme.label() + ".nnproxy");
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "Training a proxy of %s on %d %s points (seed %d) with %s (%s)...%n",
        f, n, scheme.label(), seed, trainer.key(), t);
    w.flush();
    Proxy proxy;
    try (EvaluationBackend.Session truth = spark.open(spec.commandLine());
        Busy busy = Busy.start(!quiet && System.console() != null, "training", System.err)) {
      proxy = t.train(truth.distribute(f), scheme.sampler(f), n, seed);
    }
    proxy.save(file);
    w.println("Quality: " + proxy.quality());
    if (!proxy.quality().trustworthy()) {
      w.printf(Locale.ROOT, "Warning: validation R2 %.4f is below %.1f: this proxy explains less "
              + "than half of the truth's variation, and its minimum says little about the "
              + "truth's. Sample more points, or train longer or wider, before optimizing it.%n",
          proxy.quality().validationR2(), ProxyQuality.MIN_TRUSTED_R2);
    }
    double[] x = f.optimum();
    w.printf(Locale.ROOT, "At the true optimum: truth %.6g, proxy %.6g%n", f.evaluate(x),
        proxy.evaluate(x));
    w.println("Saved:   " + file.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }
}
