package io.github.nnproxy.study.report;

import static io.github.nnproxy.study.report.MarkdownReport.num;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.ProxyQuality;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyOptimizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the commentary of {@code summary.md} from the data: where our distances differ far
 * from the seed's and the reason where it is known, where the proxy's error dominates the
 * optimizer's own, where runs agree on a wrong point, where a proxy fits poorly and where an
 * optimizer misses even on the truth. Thresholds are the constants below.
 */
public final class Commentary {
  /** Ours differs "far" from the seed when the ratio exceeds this (or its inverse). */
  static final double FAR_RATIO = 2.0;
  /** ... and the absolute difference exceeds this. */
  static final double FAR_ABS = 0.05;
  /** A run "misses" when its mean distance exceeds this. */
  static final double MISS = 0.1;
  /** A spread below this share of the mean counts as "converged". */
  static final double STABLE_SHARE = 0.05;
  /** A validation R2 below this counts as a poor fit. */
  static final double LOW_R2 = 0.9;

  private final StabilityStudy study;
  private final Cells cells;

  Commentary(StabilityStudy study, Cells cells) {
    this.study = study;
    this.cells = cells;
  }

  List<String> lines() {
    List<String> far = new ArrayList<>();
    List<String> dominated = new ArrayList<>();
    List<String> stable = new ArrayList<>();
    List<String> missTruth = new ArrayList<>();
    Set<String> lowR2 = new LinkedHashSet<>();
    List<String> trendOnly = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    Set<String> defects = new LinkedHashSet<>();
    SeedFigures seed = SeedFigures.published();
    for (CellSummary c : cells.all()) {
      String where = c.function() + " " + c.dimension() + "-D";
      if (c.objective() == Objective.TRUTH) {
        if (c.distance().mean() > MISS) {
          missTruth.add(where + " `" + c.optimizer() + "`: " + MarkdownReport.pm(c.distance()));
        }
        continue;
      }
      String cell = where + " " + c.scheme() + " `" + c.optimizer() + "`";
      double ours = c.distance().mean();
      Optional<CellSummary> truth = cells.truth(c.function(), c.dimension(), c.optimizer());
      double base = truth.map(t -> t.distance().mean()).orElse(Double.NaN);
      SeedColumn col = column(c.optimizer());
      Optional<MeanStd> fig = col == SeedColumn.NONE ? Optional.empty()
          : seed.distance(c.function(), c.dimension(), c.scheme(), col, Objective.PROXY);
      if (fig.isPresent()) {
        double s = fig.get().mean();
        boolean larger = ours > FAR_RATIO * s && ours - s > FAR_ABS;
        boolean smaller = ours * FAR_RATIO < s && s - ours > FAR_ABS;
        if (larger || smaller) {
          far.add(cell + " (" + col + "): " + num(ours) + " vs the seed's " + num(s) + ", "
              + (larger ? "far larger" : "far smaller") + reasons(c, base, larger));
        }
        SeedFigures.defect(c.function(), c.dimension()).ifPresent(d -> defects.add(where + ": " + d));
        verdicts.add(cell + " (" + col + "): " + num(ours) + " vs the seed's " + num(s) + ": "
            + verdict(c, fig.get(), base));
      }
      if (ours > MISS && ours > 2 * base && !Double.isNaN(base)) {
        dominated.add(cell + ": " + num(ours) + " on the proxy vs " + num(base)
            + " on the truth");
      }
      if (c.runs() > 1 && ours > MISS && c.distance().std() < STABLE_SHARE * ours) {
        stable.add(cell + ": " + MarkdownReport.pm(c.distance()));
      }
      if (c.validationR2() < LOW_R2) {
        lowR2.add(where + " " + c.scheme() + ": R² " + num(c.validationR2())
            + (c.validationR2() < ProxyQuality.MIN_TRUSTED_R2
                ? " (below " + ProxyQuality.MIN_TRUSTED_R2 + ": do not trust its optimum)" : ""));
      }
      double regretTruth = truth.map(t -> t.regret().mean()).orElse(Double.NaN);
      if (!Double.isNaN(base) && base > MISS && ours < base / 2
          && (c.validationR2() < LOW_R2 || c.regret().mean() > regretTruth / 2)) {
        trendOnly.add(cell + ": distance " + num(ours) + " on the proxy, better than the "
            + num(base) + " of the same optimizer on the truth, with R² " + num(c.validationR2())
            + "; regret " + num(c.regret().mean()) + " (truth: " + num(regretTruth) + ")");
      }
    }
    List<String> out = new ArrayList<>();
    section(out, "Far from the seed's figure (ratio > " + FAR_RATIO + " and difference > "
        + FAR_ABS + ")", far);
    section(out, "The proxy's error dominates (distance on the proxy > " + MISS
        + " and more than twice the distance on the truth)", dominated);
    section(out, "Stable but wrong: every seed ends at about the same wrong point, the proxy's "
        + "false minimum (std < " + (int) (100 * STABLE_SHARE) + "% of the mean, mean > " + MISS
        + "); low spread is not correctness, as the seed observed for its PSO", stable);
    section(out, "Poor proxies (validation R² < " + LOW_R2 + ")", new ArrayList<>(lowR2));
    section(out, "Good by distance alone: the proxy smoothed the truth's local minima away and "
        + "learned its trend, which points at x*, so the optimizer ends nearer x* on the proxy "
        + "than on the truth. The proxy has not learned the function (see R² and regret); a "
        + "short distance here is not a sign of a faithful proxy", trendOnly);
    section(out, "Optimizers that miss even on the truth (distance > " + MISS + "): optimizer "
        + "error, not proxy error; the seed's GA was weak on the truth too (2-D Rosenbrock "
        + "baseline: PSO 0.0000 ± 0.0000, GA 1.3165 ± 0.4697)", missTruth);
    section(out, "Seed figures not of the standard function", new ArrayList<>(defects));
    section(out, "Cell by cell: is the difference from the seed's figure explained? (\"agrees\": "
        + "within " + FAR_ABS + " or within twice the two spreads combined; the seed trained each "
        + "proxy once, unseeded, so its figure is one draw of the training, and a single training "
        + "here is one draw too)", verdicts);
    out.addAll(notes());
    return out;
  }

  /**
   * Whether a cell agrees with the seed's figure and, if not, whether the difference is explained:
   * by a defect of the seed's function, by our optimizer missing on the truth, by the proxy having
   * learned only the trend, or (Gaussian samples) by the sample's centre on the known optimum,
   * which makes both proxies most accurate exactly there and their distances small and sensitive.
   */
  private static String verdict(CellSummary c, MeanStd seed, double base) {
    double ours = c.distance().mean();
    double diff = Math.abs(ours - seed.mean());
    if (diff <= FAR_ABS || diff <= 2 * (seed.std() + c.distance().std())) {
      return "agrees";
    }
    boolean better = ours < seed.mean();
    Optional<String> defect = SeedFigures.defect(c.function(), c.dimension());
    if (defect.isPresent()) {
      return (better ? "closer" : "farther") + "; explained: " + defect.get();
    }
    if (!better && !Double.isNaN(base) && base > MISS && ours <= base + FAR_ABS) {
      return "farther; explained: our optimizer misses by as much on the truth (" + num(base)
          + ")";
    }
    if (better && c.validationR2() < LOW_R2) {
      return "closer; not a better proxy: it fits poorly (R² " + num(c.validationR2())
          + ") and points at x* through the trend (regret " + num(c.regret().mean()) + ")";
    }
    if (c.scheme().equals(SamplingScheme.GAUSSIAN.label())) {
      return (better ? "closer" : "farther") + "; partly explained: the Gaussian sample is centred"
          + " on the known optimum, so where the proxy puts its minimum depends on how few points"
          + " lie far from it";
    }
    return better ? "closer: our proxy (smoother, or trained longer) misleads the optimizer less"
        : "farther, not explained by a known defect: our proxy misleads the optimizer more here";
  }

  /** The known or likely reasons why a cell differs from the seed's figure, as "; ..." text. */
  private static String reasons(CellSummary c, double base, boolean larger) {
    StringBuilder why = new StringBuilder();
    SeedFigures.defect(c.function(), c.dimension()).ifPresent(d -> why.append("; ").append(d));
    double ours = c.distance().mean();
    if (larger && ours > 2 * base) {
      why.append("; our proxy misleads the optimizer (it reaches ").append(num(base))
          .append(" on the truth)");
    } else if (larger && base > MISS) {
      why.append("; our optimizer misses on the truth too (").append(num(base)).append(')');
    }
    if (larger && c.validationR2() < LOW_R2) {
      why.append("; our proxy fits poorly (R² ").append(num(c.validationR2())).append(')');
    }
    return why.toString();
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add("**Notes**");
    notes.add("");
    if (study.functionNames().contains("rosenbrock")) {
      notes.add("- Our Rosenbrock is not divided by 1000 as the seed's was: regrets are 1000 times"
          + " the seed's scale, distances are comparable.");
    }
    if (study.baseSize() != SamplingScheme.PAPER_BASE_SIZE) {
      notes.add("- Base sample size " + study.baseSize() + ", not the seed's "
          + SamplingScheme.PAPER_BASE_SIZE + ": our proxies saw "
          + (study.baseSize() < SamplingScheme.PAPER_BASE_SIZE ? "fewer" : "more")
          + " training points than the seed's.");
    }
    if (study.seeds().length != 10) {
      notes.add("- " + study.seeds().length + " seeds per cell, the seed used 10.");
    }
    boolean paper = true;
    for (BenchmarkFunction f : study.problems()) {
      paper &= study.trainer(f).equals(SeedRecipes.trainer(f));
    }
    notes.add(paper ? "- Proxies trained with the seed's networks and settings "
        + "(SeedRecipes.trainer)." : "- Proxies not trained with the seed's networks "
        + "(SeedRecipes.trainer): part of any difference from the seed comes from the proxy.");
    notes.add("- Optimizers are ours (see their labels), not pyswarms and pygad. jmetal-pso-paper "
        + "runs pyswarms' GlobalBestPSO rules (per-coordinate random factors, periodic bounds, "
        + "U(0, 1) initial velocities) and agrees with the real pyswarms on the true functions "
        + "over 50 seeds; jenetics-ga-paper maps pygad's settings onto Jenetics' operators, and "
        + "its random streams and a few operator details differ (see its Javadoc).");
    return notes;
  }

  private SeedColumn column(String optimizer) {
    return study.optimizers().stream().filter(o -> o.label().equals(optimizer))
        .map(StudyOptimizer::column).findFirst().orElse(SeedColumn.NONE);
  }

  private static void section(List<String> out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.add("**" + title + ".**");
    out.add("");
    for (String i : items) {
      out.add("- " + i);
    }
    out.add("");
  }
}
