package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.study.report.BudgetReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link BudgetStudy} wrote and found.
 *
 * @param output the output folder
 * @param runsCsv {@code budget-runs.csv}: one row per run with its trace
 * @param summaryCsv {@code budget-summary.csv}: one row per cell and method
 * @param markdown {@code budget.md}: the tables, the verdicts and the overhead
 * @param plots the convergence curves drawn (one per cell, then the overview)
 * @param summaries one summary per cell and method, in the report's order
 * @param runs the runs, in the report's order
 */
public record BudgetResult(Path output, Path runsCsv, Path summaryCsv, Path markdown,
    List<Path> plots, List<BudgetSummary> summaries, List<BudgetRun> runs) {

  /**
   * Validates and copies the lists.
   *
   * @throws NullPointerException if an argument is null
   */
  public BudgetResult {
    nonNull(output, "output");
    nonNull(runsCsv, "runsCsv");
    nonNull(summaryCsv, "summaryCsv");
    nonNull(markdown, "markdown");
    plots = List.copyOf(nonNull(plots, "plots"));
    summaries = List.copyOf(nonNull(summaries, "summaries"));
    runs = List.copyOf(nonNull(runs, "runs"));
  }

  /**
   * Returns the cells in which a managed variant's median final regret is below every
   * equal-budget baseline's (every optimizer alone on the truth, random search, every offline
   * proxy).
   *
   * @param label the managed variant, e.g. {@code managed-pso}
   * @return the cells it wins, in order
   */
  public List<BudgetCell> wins(String label) {
    return BudgetReport.winningCells(summaries, label);
  }

  /**
   * Returns the cells of the benchmark, in order.
   *
   * @return the cells
   */
  public List<BudgetCell> cells() {
    return summaries.stream().map(BudgetSummary::cell).distinct().toList();
  }
}
