package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a finished {@link StabilityStudy} produced: the cell summaries, the trained proxies and the
 * paths of the files written. The individual runs are in {@link #runsCsv()}, not in memory.
 *
 * <p>Immutable: the lists are unmodifiable copies.
 *
 * <pre>{@code
 * StudyResult r = study.run();
 * r.cell("ackley", 2, "dense-uniform", "pso", Objective.PROXY)
 *     .ifPresent(c -> System.out.println(c.distance()));
 * System.out.println("report: " + r.summaryMarkdown());
 * }</pre>
 *
 * @param output the output folder
 * @param runsCsv {@code runs.csv}: one row per run, sorted in canonical order
 * @param summaryCsv {@code summary.csv}: one row per cell
 * @param summaryMarkdown {@code summary.md}: the table in the seed's layout with commentary
 * @param plots the PNGs written under {@code plots/}, sorted by path
 * @param proxies the proxies trained, in canonical order (function, dimension, scheme)
 * @param cells the cell summaries, in canonical order
 * @param runCount the number of runs made
 */
public record StudyResult(
    Path output,
    Path runsCsv,
    Path summaryCsv,
    Path summaryMarkdown,
    List<Path> plots,
    List<ProxyRecord> proxies,
    List<CellSummary> cells,
    int runCount) {

  /**
   * Validates and copies the lists.
   *
   * @throws NullPointerException if a reference is null
   */
  public StudyResult {
    nonNull(output, "output");
    nonNull(runsCsv, "runsCsv");
    nonNull(summaryCsv, "summaryCsv");
    nonNull(summaryMarkdown, "summaryMarkdown");
    plots = List.copyOf(plots);
    proxies = List.copyOf(proxies);
    cells = List.copyOf(cells);
  }

  /**
   * Finds one cell's summary.
   *
   * @param function the function's name
   * @param dimension the dimension
   * @param scheme the scheme's label; ignored (may be anything) for {@link Objective#TRUTH}
   * @param optimizer the optimizer's label
   * @param objective proxy or truth
   * @return the summary, or empty if the study has no such cell
   */
  public Optional<CellSummary> cell(
      String function, int dimension, String scheme, String optimizer, Objective objective) {
    String s = objective == Objective.TRUTH ? "" : scheme;
    return cells.stream()
        .filter(c -> c.function().equals(function) && c.dimension() == dimension
            && c.scheme().equals(s) && c.optimizer().equals(optimizer)
            && c.objective() == objective)
        .findFirst();
  }
}
