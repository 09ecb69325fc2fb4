package io.github.nnproxy.study.report;

import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up cell summaries by identity; read-only after construction. */
public final class Cells {
  private final List<CellSummary> all;
  private final Map<String, CellSummary> byKey = new HashMap<>();

  public Cells(List<CellSummary> cells) {
    this.all = List.copyOf(cells);
    for (CellSummary c : cells) {
      byKey.put(key(c.function(), c.dimension(), c.scheme(), c.optimizer(), c.objective()), c);
    }
  }

  List<CellSummary> all() {
    return all;
  }

  public Optional<CellSummary> proxy(String function, int d, String scheme, String optimizer) {
    return Optional.ofNullable(byKey.get(key(function, d, scheme, optimizer, Objective.PROXY)));
  }

  public Optional<CellSummary> truth(String function, int d, String optimizer) {
    return Optional.ofNullable(byKey.get(key(function, d, "", optimizer, Objective.TRUTH)));
  }

  private static String key(String f, int d, String scheme, String optimizer, Objective o) {
    return f + "|" + d + "|" + scheme + "|" + optimizer + "|" + o;
  }
}
