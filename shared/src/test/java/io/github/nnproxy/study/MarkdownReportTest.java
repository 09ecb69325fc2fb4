package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.report.MarkdownReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report and its commentary, on hand-made cells (no training). */
class MarkdownReportTest {

  static CellSummary cell(String f, int d, String scheme, String opt, Objective o,
      double mean, double std, double r2) {
    return new CellSummary(f, d, scheme, opt, o, 10, new MeanStd(mean, std),
        new MeanStd(mean, std), o == Objective.TRUTH ? MeanStd.NONE : new MeanStd(0.5, 0.1),
        new MeanStd(100, 0), 1.0, o == Objective.TRUTH ? Double.NaN : 0.1, r2);
  }

  static String render(String function, int d, List<CellSummary> cells) {
    StabilityStudy study = StabilityStudy.builder().functions(function).dimensions(d)
        .schemes(SamplingScheme.DENSE_UNIFORM)
        .optimizer(new SearchOptimizer("pso", 1, 0), SeedColumn.PSO)
        .optimizer(new SearchOptimizer("ga", 1, 0), SeedColumn.GA)
        .trainer(SeedRecipes::trainer)
        .build();
    return MarkdownReport.render(study, cells, List.of(), Path.of("."));
  }

  @Test
  void putsTheSeedsTruthBaselineBesideOurs() {
    String md = render("rosenbrock", 2, List.of(
        cell("rosenbrock", 2, "", "pso", Objective.TRUTH, 0.0, 0.0, Double.NaN),
        cell("rosenbrock", 2, "", "ga", Objective.TRUTH, 0.2, 0.1, Double.NaN),
        cell("rosenbrock", 2, "dense-uniform", "pso", Objective.PROXY, 0.45, 0.3, 0.99),
        cell("rosenbrock", 2, "dense-uniform", "ga", Objective.PROXY, 0.9, 0.4, 0.99)));
    assertTrue(md.contains("| rosenbrock | 2 | truth baseline | – | – | – | 0.0000 ± 0.0000 | "
        + "0.0000 ± 0.0000 | – | 0.2000 ± 0.1000 | 1.3165 ± 0.4697 |"), md);
    assertTrue(md.contains("| rosenbrock | 2 | dense-uniform | 0.9900 | – | 0.4500 ± 0.3000 | "
        + "0.0000 ± 0.0000 | 0.4633 ± 0.2967 |"), md);
    assertFalse(md.contains("Far from the seed's figure"), md); // 0.45 vs 0.4633: close
    assertTrue(md.contains("Proxies trained with the seed's networks"), md);
    assertTrue(md.contains("not divided by 1000"), md);
  }

  @Test
  void flagsFarFiguresStableWrongRunsPoorProxiesAndKnownDefects() {
    String md = render("rastrigin", 10, List.of(
        cell("rastrigin", 10, "", "pso", Objective.TRUTH, 0.01, 0.01, Double.NaN),
        cell("rastrigin", 10, "", "ga", Objective.TRUTH, 5.0, 1.0, Double.NaN),
        cell("rastrigin", 10, "dense-uniform", "pso", Objective.PROXY, 9.0, 0.001, 0.5),
        cell("rastrigin", 10, "dense-uniform", "ga", Objective.PROXY, 5.0, 1.0, 0.5)));
    // PSO 9.0 vs the seed's 3.6855: far larger, the proxy misleads (0.01 on the truth)
    assertTrue(md.contains("rastrigin 10-D dense-uniform `pso` (PSO): 9.0000 vs the seed's "
        + "3.6855, far larger; the seed's 10-D Rastrigin summed only the first 4 coordinates"),
        md);
    assertTrue(md.contains("our proxy misleads the optimizer (it reaches 0.0100 on the truth)"),
        md);
    assertTrue(md.contains("- rastrigin 10-D dense-uniform `pso`: 9.0000 ± 0.0010"), md);
    assertTrue(md.contains("- rastrigin 10-D dense-uniform: R² 0.5000"), md);
    assertTrue(md.contains("- rastrigin 10-D `ga`: 5.0000 ± 1.0000"), md); // misses on truth
    assertTrue(md.contains("Seed figures not of the standard function"), md);
  }
}
