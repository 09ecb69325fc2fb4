package io.github.nnproxy.study.report;

import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarizes runs into cells. The runs must be in canonical order, so each cell's runs are
 * consecutive and summed in seed order: the statistics are the same bits for any thread count.
 */
public final class Summaries {
  private Summaries() {}

  /**
   * Groups consecutive runs of the same cell and summarizes each group.
   *
   * @param sorted the runs in canonical order
   * @param proxies the proxies, to attach their validation quality to proxy cells
   * @return one summary per cell, in the runs' order
   */
  public static List<CellSummary> of(List<RunRecord> sorted, List<ProxyRecord> proxies) {
    List<CellSummary> cells = new ArrayList<>();
    int from = 0;
    while (from < sorted.size()) {
      int to = from + 1;
      while (to < sorted.size() && sameCell(sorted.get(from), sorted.get(to))) {
        to++;
      }
      cells.add(summarize(sorted.subList(from, to), proxies));
      from = to;
    }
    return cells;
  }

  private static boolean sameCell(RunRecord a, RunRecord b) {
    return a.function().equals(b.function()) && a.dimension() == b.dimension()
        && a.scheme().equals(b.scheme()) && a.optimizer().equals(b.optimizer())
        && a.objective() == b.objective();
  }

  private static CellSummary summarize(List<RunRecord> runs, List<ProxyRecord> proxies) {
    int n = runs.size();
    double[] distance = new double[n];
    double[] regret = new double[n];
    double[] proxyError = new double[n];
    double[] evaluations = new double[n];
    int inDomain = 0;
    for (int i = 0; i < n; i++) {
      RunRecord r = runs.get(i);
      distance[i] = r.distance();
      regret[i] = r.regret();
      proxyError[i] = r.proxyError();
      evaluations[i] = r.evaluations();
      inDomain += r.inDomain() ? 1 : 0;
    }
    RunRecord first = runs.get(0);
    double rmse = Double.NaN;
    double r2 = Double.NaN;
    double spearman = Double.NaN;
    double lowDecile = Double.NaN;
    for (ProxyRecord p : proxies) {
      if (p != null && p.function().equals(first.function())
          && p.dimension() == first.dimension() && p.scheme().equals(first.scheme())) {
        rmse = p.quality().validationRmse();
        r2 = p.quality().validationR2();
        spearman = p.quality().validationSpearman();
        lowDecile = p.quality().lowDecileRmse();
      }
    }
    return new CellSummary(first.function(), first.dimension(), first.scheme(),
        first.optimizer(), first.objective(), n, MeanStd.of(distance), MeanStd.of(regret),
        MeanStd.of(proxyError), MeanStd.of(evaluations), (double) inDomain / n, rmse, r2,
        spearman, lowDecile);
  }
}
