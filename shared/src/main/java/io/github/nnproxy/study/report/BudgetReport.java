package io.github.nnproxy.study.report;

import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.study.BudgetCell;
import io.github.nnproxy.study.BudgetStudy;
import io.github.nnproxy.study.BudgetSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the budget benchmark's {@value #SUMMARY} and {@value #FILE}: the final regret and
 * distance per method and cell, the cells the loop wins, and the wall-time overhead per true
 * evaluation with the simulation cost above which the loop pays. Stateless.
 */
public final class BudgetReport {
  public static final String SUMMARY = "budget-summary.csv";
  public static final String FILE = "budget.md";
  static final String[] HEADER = {"function", "dimension", "budget", "held_out", "method",
      "optimizer", "runs", "median_regret", "q1_regret", "q3_regret", "median_distance",
      "median_evaluations", "overhead_seconds_per_evaluation"};

  private BudgetReport() {}

  public static void writeCsv(Path out, List<BudgetSummary> summaries) {
    List<List<Object>> rows = new ArrayList<>();
    for (BudgetSummary s : summaries) {
      BudgetCell c = s.cell();
      rows.add(List.of(c.function(), c.dimension(), c.budget(), c.heldOut(), s.method().label(),
          s.optimizer(), s.runs(), RunsCsv.fmt(s.medianRegret()), RunsCsv.fmt(s.lowerRegret()),
          RunsCsv.fmt(s.upperRegret()), RunsCsv.fmt(s.medianDistance()),
          RunsCsv.fmt(s.medianEvaluations()), RunsCsv.fmt(s.overheadPerEvaluation())));
    }
    RunsCsv.writeAtomically(out.resolve(SUMMARY), HEADER, rows);
  }

  /** The labels in the order they first appear. */
  public static List<String> labels(List<BudgetSummary> summaries) {
    Set<String> l = new LinkedHashSet<>();
    summaries.forEach(s -> l.add(s.label()));
    return List.copyOf(l);
  }

  public static List<BudgetSummary> inCell(List<BudgetSummary> summaries, BudgetCell c) {
    return summaries.stream().filter(s -> s.cell().equals(c)).toList();
  }

  static Optional<BudgetSummary> find(List<BudgetSummary> cell, String label) {
    return cell.stream().filter(s -> s.label().equals(label)).findFirst();
  }

  /** The equal-budget baseline with the lowest median final regret. */
  static Optional<BudgetSummary> bestBaseline(List<BudgetSummary> cell) {
    BudgetSummary best = null;
    for (BudgetSummary s : cell) {
      if (s.method().baseline() && (best == null || s.medianRegret() < best.medianRegret())) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether a managed variant's median regret is below every baseline's in a cell. */
  static boolean wins(List<BudgetSummary> cell, String label) {
    Optional<BudgetSummary> loop = find(cell, label);
    Optional<BudgetSummary> base = bestBaseline(cell);
    return loop.isPresent() && base.isPresent()
        && loop.get().medianRegret() < base.get().medianRegret();
  }

  public static List<BudgetCell> winningCells(List<BudgetSummary> summaries, String label) {
    List<BudgetCell> cells = summaries.stream().map(BudgetSummary::cell).distinct().toList();
    return cells.stream().filter(c -> wins(inCell(summaries, c), label)).toList();
  }

  /**
   * The simulation cost in seconds above which the loop reaches the best baseline's final regret
   * sooner in wall time: {@code (o_loop n_loop - o_base n_base) / (n_base - n_loop)}, with n the
   * true evaluations each needs (median curves) and o their overheads per evaluation. Zero if
   * the loop is sooner at any cost, empty if it never is.
   */
  static Optional<Double> breakEven(BudgetSummary loop, BudgetSummary base) {
    double target = base.medianRegret();
    int nBase = base.evaluationsToReach(target);
    int nLoop = loop.evaluationsToReach(target);
    if (nLoop < 0 || nBase < 0 || nLoop >= nBase) {
      return Optional.empty();
    }
    double t = (loop.overheadPerEvaluation() * nLoop - base.overheadPerEvaluation() * nBase)
        / (nBase - nLoop);
    return Optional.of(Math.max(0, t));
  }

  public static Path writeMarkdown(Path out, BudgetStudy study, List<BudgetCell> cells,
      List<BudgetSummary> summaries, List<Path> plots, String config) {
    List<String> labels = labels(summaries);
    List<String> managed = labels.stream().filter(l -> l.startsWith("managed")).toList();
    StringBuilder m = new StringBuilder();
    m.append("# Budget benchmark\n\n")
        .append("Which method gets closest to the optimum within B true evaluations. Methods: (a)")
        .append(" managed loop, (b) the optimizer alone on the truth with B evaluations, (c)")
        .append(" Latin-hypercube random search with B points, (d) the offline proxy trained on")
        .append(" B - 1 Latin-hypercube points, its optimum evaluated as the B-th; each judged by")
        .append(" the best true value it has seen. Regret: that value minus the optimal value;")
        .append(" median [first quartile, third quartile] over ").append(study.seeds().length)
        .append(" seeds.\n\n");
    m.append("## Verdict\n\n");
    for (String l : managed) {
      int all = 0;
      int won = 0;
      int heldAll = 0;
      int heldWon = 0;
      for (BudgetCell c : cells) {
        List<BudgetSummary> in = inCell(summaries, c);
        if (find(in, l).isEmpty()) {
          continue;
        }
        boolean w = wins(in, l);
        if (c.heldOut()) {
          heldAll++;
          heldWon += w ? 1 : 0;
        } else {
          all++;
          won += w ? 1 : 0;
        }
      }
      m.append(String.format(Locale.ROOT, "- `%s` ends with a lower median regret than every"
          + " equal-budget baseline in **%d of %d** cells (%s)%s.%n", l, won + heldWon,
          all + heldAll, pct(won + heldWon, all + heldAll),
          heldAll == 0 ? "" : String.format(Locale.ROOT, "; tuning functions %d of %d, held-out"
              + " functions %d of %d", won, all, heldWon, heldAll)));
    }
    m.append("\n## Final regret\n\n");
    table(m, cells, summaries, labels, true);
    m.append("\n## Distance of the best true point to x* (median)\n\n");
    table(m, cells, summaries, labels, false);
    m.append("\n## Wall time per true evaluation, outside the truth (median, ms)\n\n")
        .append("The loop's overhead (training the ensemble and optimizing it, every round)")
        .append(" against the optimizer's own work on the truth. The last columns read off the")
        .append(" simulation cost above which the loop reaches the best baseline's final regret")
        .append(" sooner in wall time: \"any\" when it does so at any cost, \"never\" when it")
        .append(" needs as many true evaluations or does not get there.\n\n");
    m.append("| function | d | B |");
    labels.forEach(l -> m.append(' ').append(l).append(" |"));
    managed.forEach(l -> m.append(' ').append(l).append(" pays above (s per simulation) |"));
    m.append("\n|---|--:|--:|");
    labels.forEach(l -> m.append("--:|"));
    managed.forEach(l -> m.append("--:|"));
    m.append('\n');
    for (BudgetCell c : cells) {
      List<BudgetSummary> in = inCell(summaries, c);
      m.append("| ").append(c.function()).append(c.heldOut() ? " (held out)" : "").append(" | ")
          .append(c.dimension()).append(" | ").append(c.budget()).append(" |");
      for (String l : labels) {
        m.append(' ').append(find(in, l).map(s -> String.format(Locale.ROOT, "%.3g",
            1000 * s.overheadPerEvaluation())).orElse("–")).append(" |");
      }
      Optional<BudgetSummary> base = bestBaseline(in);
      for (String l : managed) {
        String v = "–";
        Optional<BudgetSummary> loop = find(in, l);
        if (loop.isPresent() && base.isPresent()) {
          Optional<Double> t = breakEven(loop.get(), base.get());
          v = t.map(x -> x == 0 ? "any" : String.format(Locale.ROOT, "%.3g", x)).orElse("never");
        }
        m.append(' ').append(v).append(" |");
      }
      m.append('\n');
    }
    if (!plots.isEmpty()) {
      m.append("\n## Convergence curves\n\n");
      for (Path p : plots) {
        m.append("- [").append(p.getFileName()).append("](")
            .append(out.relativize(p).toString().replace('\\', '/')).append(")\n");
      }
    }
    m.append("\n## Settings\n\n```\n").append(config).append("```\n");
    Path file = out.resolve(FILE);
    try {
      OutputFiles.writeAtomically(file, m.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private static void table(StringBuilder m, List<BudgetCell> cells,
      List<BudgetSummary> summaries, List<String> labels, boolean regret) {
    List<String> managed = labels.stream().filter(l -> l.startsWith("managed")).toList();
    m.append("| function | d | B |");
    labels.forEach(l -> m.append(' ').append(l).append(" |"));
    if (regret) {
      m.append(" best baseline |");
      managed.forEach(l -> m.append(' ').append(l).append(" wins |"));
    }
    m.append("\n|---|--:|--:|");
    labels.forEach(l -> m.append("--:|"));
    if (regret) {
      m.append("---|");
      managed.forEach(l -> m.append("---|"));
    }
    m.append('\n');
    for (BudgetCell c : cells) {
      List<BudgetSummary> in = inCell(summaries, c);
      m.append("| ").append(c.function()).append(c.heldOut() ? " (held out)" : "").append(" | ")
          .append(c.dimension()).append(" | ").append(c.budget()).append(" |");
      for (String l : labels) {
        Optional<BudgetSummary> s = find(in, l);
        String v = s.map(x -> regret ? String.format(Locale.ROOT, "%s [%s, %s]",
            num(x.medianRegret()), num(x.lowerRegret()), num(x.upperRegret()))
            : num(x.medianDistance())).orElse("–");
        boolean bold = regret && s.isPresent() && l.startsWith("managed") && wins(in, l);
        m.append(' ').append(bold ? "**" + v + "**" : v).append(" |");
      }
      if (regret) {
        m.append(' ').append(bestBaseline(in).map(BudgetSummary::label).orElse("–")).append(" |");
        for (String l : managed) {
          m.append(' ').append(wins(in, l) ? "yes" : "no").append(" |");
        }
      }
      m.append('\n');
    }
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == 0) {
      return "0";
    }
    return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String.format(Locale.ROOT, "%.3g", v)
        : String.format(Locale.ROOT, "%.2e", v);
  }

  private static String pct(int a, int b) {
    return b == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * a / b);
  }
}
