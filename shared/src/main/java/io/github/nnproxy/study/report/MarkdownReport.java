package io.github.nnproxy.study.report;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyOptimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes {@code summary.md}: the study's setup, a table in the seed study's layout (PSO and GA
 * distance on the proxy, on the truth, and the seed's published figure in the "paper" columns), a
 * table of every cell,
 * generated commentary ({@link Commentary}) and the list of plots. Stateless.
 */
public final class MarkdownReport {
  public static final String FILE = "summary.md";

  private MarkdownReport() {}

  public static Path write(
      Path dir, StabilityStudy study, List<CellSummary> cells, List<Path> plots) {
    String text = render(study, cells, plots, dir);
    Path file = dir.resolve(FILE);
    try {
      OutputFiles.writeAtomically(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  public static String render(
      StabilityStudy study, List<CellSummary> cells, List<Path> plots, Path dir) {
    Cells index = new Cells(cells);
    StringBuilder md = new StringBuilder("# Stability study\n\n");
    setup(md, study);
    Optional<StudyOptimizer> pso = column(study, SeedColumn.PSO);
    Optional<StudyOptimizer> ga = column(study, SeedColumn.GA);
    if (pso.isPresent() || ga.isPresent()) {
      seedTable(md, study, index, pso, ga);
    }
    allCells(md, cells);
    md.append("## Commentary\n\n");
    for (String line : new Commentary(study, index).lines()) {
      md.append(line).append('\n');
    }
    md.append('\n');
    if (!plots.isEmpty()) {
      md.append("## Plots\n\n");
      for (Path p : plots) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        md.append("- [").append(p.getFileName()).append("](").append(rel).append(")\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void setup(StringBuilder md, StabilityStudy study) {
    md.append("- functions: ").append(String.join(", ", study.functionNames()))
        .append("; dimensions: ").append(join(study.dimensions())).append('\n');
    md.append("- sampling schemes: ");
    List<SamplingScheme> schemes = study.schemes();
    for (int i = 0; i < schemes.size(); i++) {
      SamplingScheme s = schemes.get(i);
      md.append(i > 0 ? ", " : "").append(s.label()).append(" (")
          .append(s.sampleSize(study.baseSize())).append(" points)");
    }
    md.append('\n');
    md.append("- optimizers: ");
    for (int i = 0; i < study.optimizers().size(); i++) {
      StudyOptimizer o = study.optimizers().get(i);
      md.append(i > 0 ? ", " : "").append('`').append(o.label()).append('`');
      if (o.column() != SeedColumn.NONE) {
        md.append(" (seed's ").append(o.column()).append(" column)");
      }
    }
    md.append('\n');
    md.append("- seeds: ").append(study.seeds().length).append(" (")
        .append(join(study.seeds())).append("); proxy seed ").append(study.proxySeed())
        .append('\n');
    BenchmarkFunction first = study.problems().get(0);
    md.append("- proxy trainer (").append(first.name()).append(' ')
        .append(first.domain().dimension()).append("-D): ").append(study.trainer(first))
        .append("\n\n");
    md.append("Distance: Euclidean distance from the point found to the true minimizer, "
        + "mean ± population standard deviation (ddof = 0, as numpy and the seed study) over the "
        + "seeds. \"proxy\": the optimizer minimized the proxy; \"truth\": it minimized the true "
        + "function (one baseline per function, dimension, optimizer and seed, shared by the "
        + "schemes). \"paper\": the figure published by Albreiki, Belayouni and Gupta "
        + "(arXiv 2301.07102). R²: the proxy's validation R². Spearman: the rank correlation "
        + "of the proxy's predictions with the truth on the validation points (1: it orders "
        + "points as the truth does).\n\n");
  }

  private static void seedTable(StringBuilder md, StabilityStudy study, Cells index,
      Optional<StudyOptimizer> pso, Optional<StudyOptimizer> ga) {
    md.append("## Distance to the optimum, in the seed's layout\n\n");
    md.append("| function | d | scheme | proxy R² | Spearman | PSO proxy | PSO truth | PSO paper "
        + "| GA proxy | GA truth | GA paper |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    SeedFigures seed = SeedFigures.published();
    for (BenchmarkFunction f : study.problems()) {
      int d = f.domain().dimension();
      for (SamplingScheme s : study.schemes()) {
        md.append("| ").append(f.name()).append(" | ").append(d).append(" | ")
            .append(s.label()).append(" | ");
        double r2 = Double.NaN;
        double rho = Double.NaN;
        for (StudyOptimizer o : study.optimizers()) {
          r2 = index.proxy(f.name(), d, s.label(), o.label())
              .map(CellSummary::validationR2).orElse(r2);
          rho = index.proxy(f.name(), d, s.label(), o.label())
              .map(CellSummary::validationSpearman).orElse(rho);
        }
        md.append(num(r2)).append(" | ").append(num(rho));
        for (Optional<StudyOptimizer> o : List.of(pso, ga)) {
          SeedColumn col = o == pso ? SeedColumn.PSO : SeedColumn.GA;
          String label = o.map(StudyOptimizer::label).orElse("");
          md.append(" | ").append(cell(index.proxy(f.name(), d, s.label(), label)))
              .append(" | ").append(cell(index.truth(f.name(), d, label)))
              .append(" | ").append(seed.distance(f.name(), d, s.label(), col, Objective.PROXY)
                  .map(MarkdownReport::pm).orElse("–"));
        }
        md.append(" |\n");
      }
      truthBaselineRow(md, f.name(), d, index, pso, ga, seed);
    }
    md.append('\n');
  }

  /** The seed's truth baseline (2-D Rosenbrock only), beside ours, where the seed has one. */
  private static void truthBaselineRow(StringBuilder md, String f, int d, Cells index,
      Optional<StudyOptimizer> pso, Optional<StudyOptimizer> ga, SeedFigures seed) {
    Optional<MeanStd> psoSeed = seed.distance(f, d, "", SeedColumn.PSO, Objective.TRUTH);
    Optional<MeanStd> gaSeed = seed.distance(f, d, "", SeedColumn.GA, Objective.TRUTH);
    if (psoSeed.isEmpty() && gaSeed.isEmpty()) {
      return;
    }
    md.append("| ").append(f).append(" | ").append(d).append(" | truth baseline | – | – | – | ")
        .append(cell(index.truth(f, d, pso.map(StudyOptimizer::label).orElse(""))))
        .append(" | ").append(psoSeed.map(MarkdownReport::pm).orElse("–")).append(" | – | ")
        .append(cell(index.truth(f, d, ga.map(StudyOptimizer::label).orElse(""))))
        .append(" | ").append(gaSeed.map(MarkdownReport::pm).orElse("–")).append(" |\n");
  }

  private static void allCells(StringBuilder md, List<CellSummary> cells) {
    md.append("## Every cell\n\n");
    md.append("| function | d | scheme | optimizer | objective | distance | regret "
        + "| proxy error | in domain |\n");
    md.append("|---|---:|---|---|---|---:|---:|---:|---:|\n");
    for (CellSummary c : cells) {
      md.append("| ").append(c.function()).append(" | ").append(c.dimension()).append(" | ")
          .append(c.scheme().isEmpty() ? "–" : c.scheme()).append(" | ").append(c.optimizer())
          .append(" | ").append(c.objective().label()).append(" | ").append(pm(c.distance()))
          .append(" | ").append(pm(c.regret())).append(" | ")
          .append(c.proxyError().present() ? pm(c.proxyError()) : "–").append(" | ")
          .append(String.format(Locale.ROOT, "%.0f%%", 100 * c.inDomainShare())).append(" |\n");
    }
    md.append('\n');
  }

  private static Optional<StudyOptimizer> column(StabilityStudy study, SeedColumn column) {
    return study.optimizers().stream().filter(o -> o.column() == column).findFirst();
  }

  private static String cell(Optional<CellSummary> c) {
    return c.map(s -> pm(s.distance())).orElse("–");
  }

  /** Formats {@code mean ± std} with 4 decimals (4 significant digits from 1e6 on). */
  static String pm(MeanStd m) {
    if (!m.present()) {
      return "–";
    }
    return num(m.mean()) + " ± " + num(m.std());
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return Math.abs(v) >= 1e6 ? String.format(Locale.ROOT, "%.4g", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String join(int[] a) {
    StringBuilder sb = new StringBuilder();
    for (int v : a) {
      sb.append(sb.length() > 0 ? ", " : "").append(v);
    }
    return sb.toString();
  }

  private static String join(long[] a) {
    StringBuilder sb = new StringBuilder();
    for (long v : a) {
      sb.append(sb.length() > 0 ? ", " : "").append(v);
    }
    return sb.toString();
  }
}
