package io.github.nnproxy.examples.physics;

import io.github.nnproxy.CountingModel;
import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.manage.ManagedResult;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.store.EvaluationStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a proxy saves on a real physics model: the heat-plate design ({@link HeatPlate}) optimized
 * with and without a proxy, every answer judged by the truth against the reference optimum.
 *
 * <p>Methods: the seed study's PSO (jMetal) and GA (Jenetics) on the truth, with a budget of true
 * evaluations cut to what a simulation of this cost allows; the same optimizers, at their full
 * paper budgets, on a proxy trained on {@code samples} Latin-hypercube simulations; and the managed
 * loop (PSO inside) with the same number of true evaluations. Training simulations go through an
 * {@link EvaluationStore}, so a rerun with the same store simulates nothing again. Distances are
 * measured in the unit cube (each coordinate scaled by its bound's width), since power and position
 * have different units; regret is the true value at the answer minus the reference value.
 *
 * <pre>{@code
 * java -jar examples/target/nnproxy.jar physics --samples 300 --store heat-plate.db
 * }</pre>
 *
 * @param samples simulations the offline proxy is trained on
 * @param truthSwarm particles of the PSO run on the truth
 * @param truthIterations iterations of the PSO run on the truth
 * @param truthGenerations generations of the GA (population 10) run on the truth
 * @param seed the seed of the sample, the training and the optimizers
 * @param trainer the proxy trainer
 */
public record HeatPlateComparison(int samples, int truthSwarm, int truthIterations,
    int truthGenerations, long seed, ProxyTrainer trainer) {

  /** One method's outcome. */
  public record Row(String method, long trueEvaluations, double seconds, double[] x,
      double trueValue, double regret, double distance) {}

  /**
   * The defaults: 300 training simulations, PSO 20 x 50 and GA 10 x 100 on the truth (1,000 true
   * evaluations each), seed 1, {@link ProxyTrainer#defaults()}.
   *
   * @return the comparison
   */
  public static HeatPlateComparison defaults() {
    return new HeatPlateComparison(300, 20, 50, 100, 1L, ProxyTrainer.defaults());
  }

  /**
   * Runs every method.
   *
   * @param truth the heat-plate model (or the same model as an external program)
   * @param store the store of the training simulations, or null
   * @param log where to say what runs, or null
   * @return one row per method
   */
  public List<Row> run(ForwardModel truth, EvaluationStore store, PrintStream log) {
    return run(truth, store, EvaluationStore.FailurePolicy.REPLAY, log);
  }

  /**
   * Runs every method, with the store answering recorded failures as {@code policy} says.
   *
   * @param truth the heat-plate model (or the same model as an external program)
   * @param store the store of the training simulations, or null
   * @param policy what the store does with a point whose recorded simulation failed
   * @param log where to say what runs, or null
   * @return one row per method
   */
  public List<Row> run(ForwardModel truth, EvaluationStore store,
      EvaluationStore.FailurePolicy policy, PrintStream log) {
    double[] ref = HeatPlate.referenceOptimum();
    List<Row> rows = new ArrayList<>();
    Optimizer psoTruth = JmetalPsoOptimizer.paper().withSwarmSize(truthSwarm)
        .withIterations(truthIterations);
    Optimizer gaTruth = JeneticsOptimizer.paper().toBuilder().generations(truthGenerations)
        .build();
    say(log, "PSO on the truth (" + truthSwarm + " x " + truthIterations + ")");
    rows.add(onTruth("seed PSO on the truth", psoTruth, truth, ref));
    say(log, "GA on the truth (10 x " + truthGenerations + ")");
    rows.add(onTruth("seed GA on the truth", gaTruth, truth, ref));

    say(log, "sampling " + samples + " simulations and training the proxy");
    CountingModel counted = CountingModel.of(truth);
    long t0 = System.nanoTime();
    ForwardModel sampled = store == null ? counted : store.wrap(counted, policy);
    Proxy proxy = trainer.train(sampled, Samplers.latinHypercube(), samples, seed);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    long trainSims = counted.points();
    for (Optimizer o : List.of(JmetalPsoOptimizer.paper(), JeneticsOptimizer.paper())) {
      say(log, o.name() + " on the proxy");
      long t1 = System.nanoTime();
      Optimum best = o.minimize(proxy, seed);
      double y = truth.evaluate(best.x());
      double s = trainSeconds + (System.nanoTime() - t1) / 1e9;
      String name = (o instanceof JmetalPsoOptimizer ? "seed PSO" : "seed GA")
          + " on a proxy of " + samples + " simulations";
      rows.add(row(name, samples + 1L, s, best.x(), y, ref, truth.domain()));
    }
    say(log, "managed loop (PSO inside), budget " + samples);
    CountingModel managedTruth = CountingModel.of(truth);
    long t2 = System.nanoTime();
    ManagedResult r = ManagedOptimization.builder().trainer(trainer).initialSamples(samples / 2)
        .budget(samples).seed(seed).build().run(managedTruth, JmetalPsoOptimizer.paper());
    double y = truth.evaluate(r.best().x());
    rows.add(row("managed loop, PSO inside, " + samples + " true evaluations",
        r.trueEvaluations(), (System.nanoTime() - t2) / 1e9, r.best().x(), y, ref,
        truth.domain()));
    say(log, "done; " + trainSims + " training simulations ran now"
        + (store == null ? "" : ", " + (samples - trainSims) + " came from " + store.file()));
    return rows;
  }

  /**
   * Prints rows as a Markdown table.
   *
   * @param rows the rows
   * @param out where to print
   */
  public static void print(List<Row> rows, java.io.PrintWriter out) {
    out.printf(Locale.ROOT, "Reference optimum: x0 %.4f, y0 %.4f, P %.4f, value %.6f%n%n",
        HeatPlate.REFERENCE_X0, HeatPlate.REFERENCE_Y0, HeatPlate.REFERENCE_POWER,
        HeatPlate.REFERENCE_VALUE);
    out.println("| method | true evaluations | wall time (s) | answer (x0, y0, P) | true value "
        + "| regret | distance (unit cube) |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "| %s | %,d | %.1f | (%.3f, %.3f, %.2f) | %.5f | %.5f | %.4f |%n",
          r.method(), r.trueEvaluations(), r.seconds(), r.x()[0], r.x()[1], r.x()[2],
          r.trueValue(), r.regret(), r.distance());
    }
  }

  private Row onTruth(String name, Optimizer o, ForwardModel truth, double[] ref) {
    CountingModel c = CountingModel.of(truth);
    long t0 = System.nanoTime();
    Optimum best = o.minimize(c, seed);
    double s = (System.nanoTime() - t0) / 1e9;
    return row(name, c.points(), s, best.x(), truth.evaluate(best.x()), ref, truth.domain());
  }

  private static Row row(String name, long evals, double seconds, double[] x, double y,
      double[] ref, Domain d) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double u = (x[j] - ref[j]) / (d.upper(j) - d.lower(j));
      s += u * u;
    }
    return new Row(name, evals, seconds, x.clone(), y, y - HeatPlate.REFERENCE_VALUE,
        Math.sqrt(s));
  }

  private static void say(PrintStream log, String what) {
    if (log != null) {
      log.println("... " + what);
      log.flush();
    }
  }

  /**
   * Runs the comparison with the defaults and prints the table.
   *
   * @param args optional: the store file
   */
  public static void main(String[] args) {
    HeatPlate truth = HeatPlate.defaults();
    HeatPlateComparison c = defaults();
    List<Row> rows;
    if (args.length > 0) {
      try (EvaluationStore store = EvaluationStore.open(Path.of(args[0]), truth.domain())) {
        rows = c.run(truth, store, System.err);
      }
    } else {
      rows = c.run(truth, null, System.err);
    }
    java.io.PrintWriter w = new java.io.PrintWriter(System.out, true);
    print(rows, w);
    w.flush();
  }
}
