package io.github.nnproxy.examples;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyListener;
import io.github.nnproxy.study.StudyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the seed study's stability study through the API (not the command line): Ackley,
 * Rastrigin and Rosenbrock in 2, 4 and 10-D, dense, sparse and Gaussian training sets, the seed's
 * PSO (jMetal) and GA (Jenetics), 10 seeds, proxies trained with {@link ProxyTrainer#defaults()}.
 * {@code --quick} runs a 2-D, 3-seed version; docs/BENCHMARKS.md gives the run times of both.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.PaperStudy [--quick] [folder]
 * }</pre>
 */
public final class PaperStudy {
  private PaperStudy() {}

  /**
   * Runs the study and prints the distance to the optimum of every proxy cell.
   *
   * @param args {@code --quick} for the small grid, and the output folder (default {@code
   *     nnproxy-results/paper-study}, or {@code nnproxy-results/paper-study-quick})
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean quick = rest.remove("--quick");
    Path out = rest.isEmpty()
        ? Path.of("nnproxy-results", quick ? "paper-study-quick" : "paper-study")
        : Path.of(rest.get(0));

    StabilityStudy.Builder builder = StabilityStudy.builder()   // defaults: the seed's grid
        .functions("ackley", "rastrigin", "rosenbrock")          // 2, 4, 10-D; dense, sparse,
        .optimizer(JmetalPsoOptimizer.paper(), SeedColumn.PSO)   // Gaussian; seeds 1..10;
        .optimizer(JeneticsOptimizer.paper(), SeedColumn.GA)     // 10,000 base points
        .trainer(f -> ProxyTrainer.defaults())                   // or SeedRecipes::trainer, the seed's networks
        .output(out)
        .listener(new Progress());
    if (quick) {
      builder.dimensions(2).seeds(1, 2, 3).baseSize(2_000)
          .trainer(f -> ProxyTrainer.builder().hiddenLayers(64, 64).epochs(200).batchSize(32).patience(40)
              .build());
    }
    StudyResult result = builder.build().run();

    System.out.println("\nDistance from the point found on the proxy to the true optimum:");
    for (CellSummary c : result.cells()) {
      if (c.objective() == Objective.PROXY) {
        System.out.printf(Locale.ROOT, "  %-10s %2d-D %-15s %-18s %.4f +- %.4f%n", c.function(),
            c.dimension(), c.scheme(), c.optimizer(), c.distance().mean(), c.distance().std());
      }
    }
    System.out.println("Report with the seed's figures beside ours: " + result.summaryMarkdown());
  }

  /** Prints a line per trained proxy and per tenth of the runs. */
  private static final class Progress implements StudyListener {
    @Override
    public void onStart(int proxies, int runs) {
      System.out.printf("Training %d proxies, then %d optimizer runs%n", proxies, runs);
    }

    @Override
    public void onProxyTrained(ProxyRecord p, int done, int total) {
      System.out.printf(Locale.ROOT, "  proxy %d/%d: %s %d-D %s, validation R2 %.4f%n", done,
          total, p.function(), p.dimension(), p.scheme(), p.quality().validationR2());
    }

    @Override
    public void onRunFinished(RunRecord run, int done, int total) {
      if (done * 10 / total != (done - 1) * 10 / total) {
        System.out.printf("  runs %d/%d%n", done, total);
      }
    }
  }
}
