package io.github.nnproxy.cli;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.examples.physics.HeatPlate;
import io.github.nnproxy.examples.physics.HeatPlateComparison;
import io.github.nnproxy.examples.physics.HeatPlateProgram;
import io.github.nnproxy.external.ExternalModel;
import io.github.nnproxy.store.EvaluationStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy physics}: the heat-plate design problem (a finite-difference heat-conduction
 * solver) optimized with and without a proxy; prints true evaluations, wall time, regret and
 * distance per method ({@link HeatPlateComparison}).
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy physics --samples 300 --store heat-plate.db
 * }</pre>
 */
@Command(
    name = "physics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Optimizes a heater on a conducting plate (steady heat conduction by finite "
        + "differences and conjugate gradients; its cost per simulation: docs/physics-example.md) with the seed's PSO "
        + "and GA on the truth, on a proxy, and with the managed loop, and prints what each "
        + "cost in true evaluations and wall time and how far its answer is from the reference "
        + "optimum.")
public final class PhysicsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-n", "--samples"}, paramLabel = "N",
      description = "Simulations the proxy is trained on, and the managed loop's budget. "
          + "Default: ${DEFAULT-VALUE}.")
  private int samples = 300;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of the sample, the training and the optimizers. "
          + "Default: ${DEFAULT-VALUE}.")
  private long seed = 1;

  @Option(names = "--store", paramLabel = "FILE",
      description = "Record the proxy's training simulations in this SQLite file; a rerun "
          + "answers them from it. Default: none.")
  private Path store;

  @Option(names = "--retry-failures",
      description = "Simulate again the points whose recorded simulation in --store failed, and "
          + "record the new outcome. Default: a recorded failure is answered as it was.")
  private boolean retryFailures;

  @Option(names = "--external",
      description = "Run every simulation as an external program (this jar's HeatPlateProgram, "
          + "batch protocol) instead of in this JVM: the same values, plus process start-up. "
          + "Default: in this JVM.")
  private boolean external;

  /** Creates the command; picocli fills it. */
  public PhysicsCommand() {}

  /**
   * Runs the comparison.
   *
   * @return 0
   */
  @Override
  public Integer call() {
    OptionChecks.atLeast(spec.commandLine(), "--samples", samples, 20);
    TruthOptions.checkRetry(spec.commandLine(), retryFailures, store);
    if (store != null) {
      OutputPaths.checkFile("--store", store);
    }
    HeatPlate plate = HeatPlate.defaults();
    ForwardModel truth = plate;
    if (external) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      truth = ExternalModel.builder(plate.domain(), List.of(java, "-cp",
              System.getProperty("java.class.path"), HeatPlateProgram.class.getName(), "--batch"))
          .protocol(ExternalModel.Protocol.BATCH).rowsPerProcess(50).build();
    }
    HeatPlateComparison c = new HeatPlateComparison(samples, 20, 50, 100, seed,
        io.github.nnproxy.proxy.ProxyTrainer.defaults());
    java.io.PrintWriter out = spec.commandLine().getOut();
    List<HeatPlateComparison.Row> rows;
    if (store != null) {
      try (EvaluationStore s = EvaluationStore.open(store, plate.domain())) {
        rows = c.run(truth, s, TruthOptions.failurePolicy(retryFailures), System.err);
      }
    } else {
      rows = c.run(truth, null, System.err);
    }
    HeatPlateComparison.print(rows, out);
    out.flush();
    return 0;
  }
}
