package io.github.nnproxy.cli;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.store.EvaluationStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy optimize}: loads a saved proxy, minimizes it with an optimizer of the catalogue
 * and prints the optimum; when the proxy imitates a known benchmark function, also the true value
 * there and the distance to the true optimum.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy optimize --proxy ackley-2d-dense-uniform.nnproxy --optimizer ga --seed 7
 * }</pre>
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Minimizes a saved proxy with one optimizer and prints the point found; when "
        + "the proxy imitates a benchmark function (named with --function, or read from the "
        + "proxy's description), also the true value there and the distance to the true "
        + "optimum; with --command, the external program's value there (one simulation, "
        + "recorded in --store when given).")
public final class OptimizeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-p", "--proxy"}, required = true, paramLabel = "FILE",
      description = "The proxy file, as written by 'nnproxy train' or a study's proxies/ folder.")
  private Path proxyFile;

  @Option(names = "--optimizer", paramLabel = "NAME", converter = Converters.Optimizer.class,
      description = "Optimizer: pso, pso-jmetal-rules, ga, spso2007, spso2011, ga-defaults, "
          + "ga-pso-budget. "
          + "Default: pso.")
  private OptimizerChoice optimizer = OptimizerChoice.PSO;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of the optimizer run. Default: ${DEFAULT-VALUE}.")
  private long seed = 1;

  @Option(names = {"-f", "--function"}, paramLabel = "NAME",
      converter = Converters.FunctionName.class,
      description = "The benchmark function the proxy imitates, to judge the point on the "
          + "truth. Default: read from the proxy's description when it names one.")
  private String function;

  @Mixin
  private TruthOptions truthOptions = new TruthOptions();

  /** Creates the command; picocli fills it. */
  public OptimizeCommand() {}

  /**
   * Loads the proxy and runs the optimizer.
   *
   * @return 0
   * @throws ParameterException if the proxy file is missing or the function does not fit it
   * @throws IllegalArgumentException if the file is not a valid proxy
   */
  @Override
  public Integer call() {
    if (Files.isDirectory(proxyFile)) {
      throw new ParameterException(spec.commandLine(), "--proxy " + proxyFile + " is a "
          + "directory, expected a proxy file written by nnproxy train (a study keeps its proxies "
          + "in its proxies/ folder)");
    }
    if (!Files.isRegularFile(proxyFile)) {
      throw new ParameterException(spec.commandLine(), "proxy file not found: " + proxyFile);
    }
    truthOptions.checkRetry(spec.commandLine());
    if (truthOptions.external() && truthOptions.storeFile() != null) {
      OutputPaths.checkFile("--store", truthOptions.storeFile());
    }
    Proxy proxy = Proxy.load(proxyFile);
    Optional<BenchmarkFunction> truth;
    ForwardModel program = null;
    try {
      if (truthOptions.external()) {
        if (function != null) {
          throw new IllegalArgumentException("--command and --function both name the truth: "
              + "give one");
        }
        Domain given = truthOptions.domain();
        if (given != null && !given.equals(proxy.domain())) {
          throw new IllegalArgumentException("--bounds " + given + " differ from the proxy's "
              + "domain " + proxy.domain());
        }
        program = truthOptions.model(proxy.domain());
        truth = Optional.empty();
      } else {
        if (truthOptions.storeFile() != null) {
          throw new IllegalArgumentException("--store records the simulations of --command; a "
              + "benchmark function needs no store");
        }
        truth = KnownFunction.of(proxy, function);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Optimizer o = optimizer.optimizer();
    PrintWriter w = spec.commandLine().getOut();
    w.println("File:      " + proxyFile + " (" + proxy.description() + ")");
    w.printf(Locale.ROOT, "Optimizer: %s (%s), seed %d%n", optimizer.key(), o.name(), seed);
    ProxyWarning.of(proxy).ifPresent(w::println);
    w.flush();
    Optimum best = o.minimize(proxy, seed);
    w.println("Point:     " + point(best.x()));
    w.printf(Locale.ROOT, "Proxy:     %.6g at the point, %d evaluations%n", best.value(),
        best.evaluations());
    if (program != null) {
      ForwardModel model = program;
      double y;
      try (EvaluationStore store = truthOptions.storeFile() == null ? null
          : EvaluationStore.open(truthOptions.storeFile(), model.domain())) {
        y = (store == null ? model : store.wrap(model, truthOptions.failurePolicy()))
            .evaluateOutcomes(
            new double[][] {best.x()})[0].valueOrThrow();
        if (store != null) {
          w.printf(Locale.ROOT, "Store:     %s (%s)%n", store.file(),
              store.simulations() > 0 ? "simulated now and recorded" : "answered from it");
        }
      } catch (EvaluationException e) {
        w.println("Truth:     the evaluation at the point failed (" + e.kind() + "): "
            + e.getMessage());
        w.flush();
        return 1;
      }
      w.printf(Locale.ROOT, "Truth:     %s = %.6g at the point (proxy error %+.3g)%n", model, y,
          best.value() - y);
    }
    if (truth.isPresent()) {
      BenchmarkFunction f = truth.get();
      w.printf(Locale.ROOT, "Truth:     %s = %.6g at the point; minimum %.6g at %s%n", f,
          f.evaluate(best.x()), f.evaluate(f.optimum()), point(f.optimum()));
      w.printf(Locale.ROOT, "Distance:  %.6f to the true optimum%n", best.distanceTo(f.optimum()));
    } else if (program == null) {
      w.println("Truth:     unknown (name the function with --function, or the program with "
          + "--command, to judge the point)");
    }
    w.flush();
    return 0;
  }

  private static String point(double[] x) {
    return Arrays.stream(x).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
