package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link TrustStudy} run produced: every run, the cell summaries and the files written.
 *
 * <p>Immutable: the lists are unmodifiable copies.
 *
 * <pre>{@code
 * TrustResult r = study.run();
 * long held = r.cells().stream().filter(TrustCell::goalHolds).count();
 * System.out.println(held + " of " + r.cells().size() + " cells; see " + r.markdown());
 * }</pre>
 *
 * @param csv the path of {@code trust.csv}
 * @param markdown the path of {@code trust.md}
 * @param runs every run, in canonical order (function, dimension, scheme, optimizer, seed,
 *     method)
 * @param cells one summary per cell and optimizer, in canonical order
 */
public record TrustResult(Path csv, Path markdown, List<TrustRun> runs, List<TrustCell> cells) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument is null
   */
  public TrustResult {
    nonNull(csv, "csv");
    nonNull(markdown, "markdown");
    runs = List.copyOf(nonNull(runs, "runs"));
    cells = List.copyOf(nonNull(cells, "cells"));
  }

  /**
   * Returns how many cells meet the goal.
   *
   * @return the count
   */
  public int goalsHeld() {
    int n = 0;
    for (TrustCell c : cells) {
      n += c.goalHolds() ? 1 : 0;
    }
    return n;
  }
}
