package io.github.nnproxy.study.report;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.TrustCell;
import io.github.nnproxy.study.TrustMethod;
import io.github.nnproxy.study.TrustOptimizer;
import io.github.nnproxy.study.TrustResult;
import io.github.nnproxy.study.TrustRun;
import io.github.nnproxy.study.TrustStudy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sorts a {@link TrustStudy}'s runs, summarizes each cell, decides the goal with a reason, and
 * writes {@code trust.csv} and {@code trust.md}. Not API; stateless.
 */
public final class TrustReport {
  public static final String CSV = "trust.csv";
  public static final String MARKDOWN = "trust.md";
  public static final String HEADER = "function,dimension,scheme,optimizer,seed,method,method_name,"
      + "distance,true_value,true_evaluations";

  private TrustReport() {}

  /**
   * Summarizes the runs (in canonical order, as {@code trust.csv} holds them) and writes {@code
   * trust.md}.
   */
  public static TrustResult write(TrustStudy study, List<TrustRun> runs) {
    List<TrustCell> cells = cells(study, runs);
    Path dir = study.output();
    try {
      Path md = dir.resolve(MARKDOWN);
      OutputFiles.writeAtomically(md, markdown(study, cells));
      return new TrustResult(dir.resolve(CSV), md, runs, cells);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trust study's files to " + dir, e);
    }
  }

  static List<TrustCell> cells(TrustStudy study, List<TrustRun> runs) {
    List<TrustCell> cells = new ArrayList<>();
    for (BenchmarkFunction f : study.problems()) {
      int d = f.domain().dimension();
      for (SamplingScheme s : study.schemes()) {
        for (TrustOptimizer o : study.optimizers()) {
          Map<TrustMethod, double[][]> per = new EnumMap<>(TrustMethod.class);
          for (TrustMethod m : TrustMethod.values()) {
            String scheme = m == TrustMethod.TRUTH_FULL ? "" : s.label();
            per.put(m, columns(runs, f.name(), d, scheme, o.label(), m, study.seeds()));
          }
          cells.add(cell(study, f.name(), d, s.label(), o.label(), per));
        }
      }
    }
    return cells;
  }

  /** Rows: distance, true value, true evaluations; one column per seed, in seed order. */
  private static double[][] columns(List<TrustRun> runs, String f, int d, String scheme,
      String opt, TrustMethod m, long[] seeds) {
    double[][] v = new double[3][seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      TrustRun found = null;
      for (TrustRun r : runs) {
        if (r.function().equals(f) && r.dimension() == d && r.scheme().equals(scheme)
            && r.optimizer().equals(opt) && r.seed() == seeds[i] && r.method() == m) {
          found = r;
          break;
        }
      }
      if (found == null) {
        throw new IllegalStateException("no " + m + " run for " + f + " " + d + "-D " + scheme
            + " " + opt + " seed " + seeds[i]);
      }
      v[0][i] = found.distance();
      v[1][i] = found.trueValue();
      v[2][i] = found.trueEvaluations();
    }
    return v;
  }

  private static TrustCell cell(TrustStudy study, String f, int d, String scheme, String opt,
      Map<TrustMethod, double[][]> per) {
    Map<TrustMethod, MeanStd> dist = new EnumMap<>(TrustMethod.class);
    Map<TrustMethod, MeanStd> value = new EnumMap<>(TrustMethod.class);
    Map<TrustMethod, MeanStd> evals = new EnumMap<>(TrustMethod.class);
    for (TrustMethod m : TrustMethod.values()) {
      dist.put(m, MeanStd.of(per.get(m)[0]));
      value.put(m, MeanStd.of(per.get(m)[1]));
      evals.put(m, MeanStd.of(per.get(m)[2]));
    }
    String reason = reason(study, per, dist, value, evals);
    return new TrustCell(f, d, scheme, opt, dist, value, evals, reason.isEmpty(), reason);
  }

  /** Empty if the goal holds, else why not, from the runs. */
  public static String reason(TrustStudy study, Map<TrustMethod, double[][]> per,
      Map<TrustMethod, MeanStd> dist, Map<TrustMethod, MeanStd> value,
      Map<TrustMethod, MeanStd> evals) {
    double share = study.budgetShare();
    double slack = study.closeness();
    double db = dist.get(TrustMethod.MANAGED).mean();
    double dd = dist.get(TrustMethod.TRUTH_FULL).mean();
    double dc = dist.get(TrustMethod.TRUTH_EQUAL_BUDGET).mean();
    double nb = evals.get(TrustMethod.MANAGED).mean();
    double nd = evals.get(TrustMethod.TRUTH_FULL).mean();
    List<String> why = new ArrayList<>();
    if (nb > share * nd) {
      why.add(String.format(Locale.ROOT, "(b) used %.0f true evaluations, more than %s of (d)'s"
          + " %.0f", nb, percent(share), nd));
    }
    if (db > dd + slack) {
      double sb = dist.get(TrustMethod.MANAGED).std();
      double vb = value.get(TrustMethod.MANAGED).mean();
      double vd = value.get(TrustMethod.TRUTH_FULL).mean();
      String base;
      if (db <= 0.1) {
        base = String.format(Locale.ROOT, "precision: (b) ends near x* (%.3f) after %.0f true"
            + " evaluations, but (d) polishes its answer to %.2g with %.0f", db, nb, dd, nd);
      } else if (vb <= vd) {
        base = String.format(Locale.ROOT, "flat minimum: (b)'s true value %.3g is as low as (d)'s"
            + " %.3g, but its point is farther from x* (%.3f against %.3f)", vb, vd, db, dd);
      } else if (per.get(TrustMethod.MANAGED)[0].length > 1 && db > 0.25 && sb < 0.1 * db) {
        base = String.format(Locale.ROOT, "false minimum: every seed ends about %.3f from x*"
            + " (std %.3f, true value %.3g against (d)'s %.3g): a local minimum that the proxy"
            + " keeps proposing", db, sb, vb, vd);
      } else {
        base = String.format(Locale.ROOT, "budget: (b) ends %.3f from x* (true value %.3g against"
            + " (d)'s %.3g); %.0f true evaluations were too few to find x*", db, vb, vd, nb);
      }
      base += dc > db
          ? String.format(Locale.ROOT, "; (c), the optimizer alone on the same budget, is farther"
              + " still (%.3f)", dc)
          : String.format(Locale.ROOT, "; (c), the optimizer alone on the same budget, does as"
              + " well or better (%.3f)", dc);
      why.add(base);
    }
    return String.join("; ", why);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.3g%%", 100 * share);
  }

  static String markdown(TrustStudy study, List<TrustCell> cells) {
    StringBuilder b = new StringBuilder();
    b.append("# Trusting a proxy: offline proxy against the managed loop\n\n");
    b.append(headline(study, cells)).append("\n\n");
    b.append("Methods, per function, dimension, sampling scheme, optimizer and seed:\n\n")
        .append("- (a) offline proxy: train on the scheme's sample, minimize the proxy (the seed's"
            + " method); its true evaluations are the sample\n")
        .append("- (b) managed loop: a small sample drawn by the scheme's sampler, then the"
            + " proxy proposes and the truth decides; its true evaluations include the initial"
            + " sample\n")
        .append("- (c) the optimizer on the truth with as many evaluations as (b)\n")
        .append("- (d) the optimizer on the truth with its full budget\n\n");
    b.append(String.format(Locale.ROOT, "Goal: (b)'s mean distance to x* <= (d)'s + %s, with at"
        + " most %s of (d)'s true evaluations. Distances: mean ± std over seeds %s; evaluations:"
        + " mean.%n%n", study.closeness(), percent(study.budgetShare()),
        java.util.Arrays.toString(study.seeds())));
    b.append("Settings: base size ").append(study.baseSize()).append(", proxy seed ")
        .append(study.proxySeed()).append(", managed loop ").append(study.managed())
        .append(" (a template: each run uses the scheme's sampler, its own seed and 1 thread, and"
            + " when the budget share of (d) is below its budget, that smaller budget and a"
            + " proportionally smaller initial sample)\n\n");
    String current = null;
    for (TrustCell c : cells) {
      String key = c.function() + " " + c.dimension() + "-D";
      if (!key.equals(current)) {
        current = key;
        b.append("## ").append(key).append("\n\n")
            .append("| scheme | optimizer | (a) distance | (a) evals | (b) distance | (b) evals"
                + " | (c) distance | (c) evals | (d) distance | (d) evals | goal | why not |\n")
            .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      }
      b.append("| ").append(c.scheme()).append(" | ").append(c.optimizer());
      for (TrustMethod m : TrustMethod.values()) {
        MeanStd ds = c.distance(m);
        b.append(String.format(Locale.ROOT, " | %.4f ± %.4f | %.0f", ds.mean(), ds.std(),
            c.trueEvaluations(m).mean()));
      }
      b.append(" | ").append(c.goalHolds() ? "yes" : "**no**").append(" | ")
          .append(c.reason()).append(" |\n");
      if (c == cells.get(cells.size() - 1) || !nextSameTable(cells, c)) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static boolean nextSameTable(List<TrustCell> cells, TrustCell c) {
    int i = cells.indexOf(c);
    TrustCell n = cells.get(i + 1);
    return n.function().equals(c.function()) && n.dimension() == c.dimension();
  }

  /** One sentence per optimizer: in how many cells the goal holds, and the mean distances. */
  static String headline(TrustStudy study, List<TrustCell> cells) {
    StringBuilder b = new StringBuilder();
    int held = 0;
    for (TrustCell c : cells) {
      held += c.goalHolds() ? 1 : 0;
    }
    b.append(String.format(Locale.ROOT, "**Goal met in %d of %d cells.**", held, cells.size()));
    for (TrustOptimizer o : study.optimizers()) {
      int n = 0;
      int ok = 0;
      double a = 0;
      double bb = 0;
      double d = 0;
      double nb = 0;
      double nd = 0;
      int beatsA = 0;
      int beatsC = 0;
      for (TrustCell c : cells) {
        if (c.optimizer().equals(o.label())) {
          n++;
          ok += c.goalHolds() ? 1 : 0;
          a += c.distance(TrustMethod.OFFLINE_PROXY).mean();
          bb += c.distance(TrustMethod.MANAGED).mean();
          d += c.distance(TrustMethod.TRUTH_FULL).mean();
          nb += c.trueEvaluations(TrustMethod.MANAGED).mean();
          nd += c.trueEvaluations(TrustMethod.TRUTH_FULL).mean();
          double cb = c.distance(TrustMethod.MANAGED).mean();
          beatsA += cb < c.distance(TrustMethod.OFFLINE_PROXY).mean() ? 1 : 0;
          beatsC += cb < c.distance(TrustMethod.TRUTH_EQUAL_BUDGET).mean() ? 1 : 0;
        }
      }
      b.append(String.format(Locale.ROOT, " %s: %d of %d; mean distance (a) %.3f, (b) %.3f, (d)"
          + " %.3f; (b) used %.0f true evaluations on average, %.2f%% of (d)'s %.0f; (b) is"
          + " closer than (a) in %d of %d cells and closer than (c) in %d of %d.", o.label(), ok,
          n, a / n, bb / n, d / n, nb / n, 100 * nb / nd, nd / n, beatsA, n, beatsC, n));
    }
    return b.toString();
  }
}
