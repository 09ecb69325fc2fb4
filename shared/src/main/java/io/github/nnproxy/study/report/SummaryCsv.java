package io.github.nnproxy.study.report;

import static io.github.nnproxy.study.report.RunsCsv.fmt;

import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.ProxyRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code summary.csv} (one row per cell) and {@code proxies.csv} (one row per proxy).
 *
 * <p>Every {@code _std_ddof0} column is a population standard deviation over the seeds (numpy's
 * default, as in the seed study). {@code summary.csv} holds no wall time, so it is the same bytes
 * for the same study on any number of threads; {@code proxies.csv} ends with the training time.
 */
public final class SummaryCsv {
  public static final String SUMMARY = "summary.csv";
  public static final String PROXIES = "proxies.csv";
  static final String[] SUMMARY_HEADER = {"function", "dimension", "scheme", "optimizer",
      "objective", "runs", "distance_mean", "distance_std_ddof0", "regret_mean",
      "regret_std_ddof0", "proxy_error_mean", "proxy_error_std_ddof0", "evaluations_mean",
      "in_domain_share", "validation_rmse", "validation_r2", "validation_spearman",
      "low_decile_rmse"};
  static final String[] PROXY_HEADER = {"function", "dimension", "scheme", "samples", "seed",
      "file", "validation_rmse", "validation_r2", "train_rmse", "max_abs_validation_error",
      "samples_used", "samples_dropped", "epochs_run", "best_epoch", "training_seconds",
      "validation_spearman", "low_decile_rmse"};

  private SummaryCsv() {}

  public static void write(Path dir, List<CellSummary> cells, List<ProxyRecord> proxies) {
    List<List<Object>> rows = new ArrayList<>();
    for (CellSummary c : cells) {
      rows.add(List.of(c.function(), c.dimension(), c.scheme(), c.optimizer(),
          c.objective().label(), c.runs(), fmt(c.distance().mean()), fmt(c.distance().std()),
          fmt(c.regret().mean()), fmt(c.regret().std()), fmt(c.proxyError().mean()),
          fmt(c.proxyError().std()), fmt(c.evaluations().mean()), fmt(c.inDomainShare()),
          fmt(c.validationRmse()), fmt(c.validationR2()), fmt(c.validationSpearman()),
          fmt(c.lowDecileRmse())));
    }
    RunsCsv.writeAtomically(dir.resolve(SUMMARY), SUMMARY_HEADER, rows);
    List<List<Object>> prows = new ArrayList<>();
    for (ProxyRecord p : proxies) {
      var q = p.quality();
      prows.add(List.of(p.function(), p.dimension(), p.scheme(), p.samples(), p.seed(),
          dir.relativize(p.file()).toString().replace('\\', '/'), fmt(q.validationRmse()),
          fmt(q.validationR2()), fmt(q.trainRmse()), fmt(q.maxAbsValidationError()),
          q.samplesUsed(), q.samplesDropped(), q.epochsRun(), q.bestEpoch(),
          fmt(q.trainingTime().toNanos() / 1e9), fmt(q.validationSpearman()),
          fmt(q.lowDecileRmse())));
    }
    RunsCsv.writeAtomically(dir.resolve(PROXIES), PROXY_HEADER, prows);
  }
}
