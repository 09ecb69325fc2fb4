package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.manage.Acquisition;
import io.github.nnproxy.manage.BatchSelection;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.study.BudgetCell;
import io.github.nnproxy.study.BudgetResult;
import io.github.nnproxy.study.BudgetStudy;
import io.github.nnproxy.study.OutputFolderException;
import io.github.nnproxy.study.TrustOptimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy budget}: the budget benchmark. Runs the managed loop (with the seed's PSO and
 * GA inside), each optimizer alone on the truth, Latin-hypercube random search and the offline
 * proxy, each with the same budget of true evaluations, and reports which gets closest to the
 * optimum.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy budget --quick
 * nnproxy budget --dimensions 2,4 --seeds 5 --out budget-2-4
 * }</pre>
 */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "The budget benchmark: for each function, dimension d, budget B = factor x d and seed, "
            + "(a) the managed loop with the seed's PSO and GA inside, (b) the seed's PSO and "
            + "GA alone on the truth with B evaluations, (c) Latin-hypercube random search with "
            + "B points and (d) the offline proxy trained on B - 1 Latin-hypercube points, each "
            + "judged by the best true value it has seen.",
        "Writes budget-runs.csv (a trace per run), budget-timings.csv, budget-summary.csv, "
            + "budget.md and plots/ (convergence curves) to the output folder and prints the "
            + "verdict."})
public final class BudgetCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--quick", description = "A one-minute grid: ackley, rastrigin, rosenbrock "
      + "in 2-D, budgets 20 and 50 per dimension, 3 seeds, a smaller network and inner PSO. "
      + "Options given beside it override it.")
  private boolean quick;

  @Option(names = "--functions", split = ",", paramLabel = "NAME",
      converter = Converters.FunctionName.class,
      description = "Functions to tune on. Default: ackley, rastrigin, rosenbrock.")
  private List<String> functions;

  @Option(names = "--held-out", split = ",", paramLabel = "NAME",
      description = "Functions kept aside, reported apart; 'none' for none. "
          + "Default: levy, griewank (none with --quick).")
  private List<String> heldOut;

  @Option(names = "--dimensions", split = ",", paramLabel = "D",
      description = "Dimensions. Default: 2,4,10 (2 with --quick).")
  private int[] dimensions;

  @Option(names = "--budgets", split = ",", paramLabel = "FACTOR",
      description = "Budgets per dimension: B = FACTOR x d. Default: 20,50,100 (20,50 with "
          + "--quick).")
  private int[] budgets;

  @Option(names = "--seeds", paramLabel = "SEEDS", converter = Converters.Seeds.class,
      description = "A count (5 = seeds 1..5), a range (3..7) or a list (1,7,42). "
          + "Default: 10 (3 with --quick).")
  private SeedList seeds;

  @Option(names = "--optimizers", split = ",", paramLabel = "pso|ga",
      description = "Optimizers: pso (the seed's PSO), ga (the seed's GA). Default: pso,ga.")
  private List<String> optimizers = List.of("pso", "ga");

  @Option(names = "--inner-pso", paramLabel = "SWARMxITERATIONS",
      description = "The seed's PSO as it runs inside the loop and on the offline proxy. "
          + "Default: 100x1000, the seed's (20x50 with --quick).")
  private String innerPso;

  @Option(names = "--inner-ga", paramLabel = "POPULATIONxGENERATIONS",
      description = "The seed's GA as it runs inside the loop and on the offline proxy. "
          + "Default: 10x100, the seed's.")
  private String innerGa;

  @Option(names = "--ensemble", paramLabel = "K",
      description = "Members of the loop's proxy ensemble. Default: ${DEFAULT-VALUE}.")
  private int ensemble = 3;

  @Option(names = "--acquisition", paramLabel = "mean|lcb|ei",
      description = "What the loop minimizes on its ensemble: mean, lcb (mean - kappa x "
          + "spread) or ei (expected improvement). Default: the loop's default (lcb).")
  private String acquisition;

  @Option(names = "--kappa", paramLabel = "KAPPA",
      description = "Weight of the spread in lcb. Default: the loop's default.")
  private Double kappa;

  @Option(names = "--trust-radius", paramLabel = "SHARE",
      description = "Initial half-width of the loop's trust region as a share of the domain's "
          + "width; 0 turns the trust region off. Default: the loop's default.")
  private Double trustRadius;

  @Option(names = "--batch", paramLabel = "minima|merit",
      description = "How the loop fills a round after the optimizer's proposals: distinct "
          + "minima of the acquisition, or spread and distance merit (the first scheme). "
          + "Default: the loop's default (minima).")
  private String batch;

  @Option(names = "--perturb", paramLabel = "all|subsets",
      description = "How the Gaussian steps of the loop's candidate pool move the best true "
          + "points: all coordinates, or random subsets that shrink as the budget is spent "
          + "(DYCORS). Default: the loop's default (all).")
  private String perturb;

  @Option(names = "--local-model", paramLabel = "on|off",
      description = "Whether each round also evaluates the minimum, inside the trust region, of "
          + "a quadratic fitted to the true points nearest the best one. Default: the loop's "
          + "default (on).")
  private String localModel;

  @Option(names = "--stop-on-convergence", negatable = false,
      description = "Let the loop stop when its proxy's optimum stops moving, budget left or "
          + "not. Default: it spends its budget.")
  private boolean stopOnConvergence;

  @Option(names = "--warm-start", paramLabel = "EPOCHS",
      description = "Warm-start the loop's retraining: after the first round each member "
          + "continues from the previous round's for EPOCHS epochs (0: the trainer's epochs); "
          + "'off' trains every round from scratch. Default: the loop's default (0).")
  private String warmStart;

  @Option(names = "--rounds", paramLabel = "N",
      description = "Rounds the loop spreads its budget over, after its initial sample. "
          + "Default: ${DEFAULT-VALUE}.")
  private int rounds = 48;

  @Option(names = "--initial-share", paramLabel = "SHARE",
      description = "Share of the budget the loop spends on its initial Latin-hypercube "
          + "sample. Default: ${DEFAULT-VALUE}.")
  private double initialShare = 0.15;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs made at once; results do not depend on it. "
          + "Default: the number of processors (${DEFAULT-VALUE} here).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (created; its parent folder must exist). Running again "
          + "with the same settings resumes; other "
          + "settings are refused. Default: nnproxy-budget (nnproxy-budget-quick with --quick).")
  private Path out;

  @Option(names = "--no-resume", negatable = false,
      description = "Refuse an output folder that already holds results. Default: resume.")
  private boolean noResume;

  @Option(names = "--no-plots", negatable = false, description = "Skip the PNGs.")
  private boolean noPlots;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
  private boolean quiet;

  /** Creates the command; picocli fills it. */
  public BudgetCommand() {}

  /**
   * Runs the benchmark and prints its verdict.
   *
   * @return 0
   * @throws ParameterException if the options do not make a valid benchmark
   * @throws IllegalStateException if the output folder cannot be used
   */
  @Override
  public Integer call() {
    LoopLogging.errorsOnly();
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkOptions();
    BudgetStudy study = build();
    OutputPaths.checkFolder("--out", study.output());
    w.printf(Locale.ROOT, "nnproxy budget%s: %s x %s-D x B = %s x d x %s, %s; %s,"
            + " output %s%n", quick ? " --quick" : "", String.join(",", study.functions()),
        join(study.dimensions()), join(study.budgetFactors()),
        Counts.of(study.seeds().length, "seed", "seeds"), String.join(",", optimizers),
        Counts.of(study.threads(), "thread", "threads"),
        study.output().toAbsolutePath().normalize());
    w.flush();
    long start = System.nanoTime();
    BudgetResult r;
    try (InterruptNotice notice = InterruptNotice.install(err, () -> interrupted(study))) {
      r = study.run();
    } catch (OutputFolderException e) {
      throw refused(e);
    }
    double took = (System.nanoTime() - start) / 1e9;
    int cells = r.cells().size();
    for (TrustOptimizer o : study.optimizers()) {
      List<BudgetCell> won = r.wins("managed-" + o.label());
      w.printf(Locale.ROOT, "managed-%s: lower median regret than every equal-budget baseline"
          + " in %d of %s%n", o.label(), won.size(), Counts.of(cells, "cell", "cells"));
    }
    w.printf(Locale.ROOT, "%s in %.0f s.%nReport: %s%n", Counts.of(r.runs().size(), "run",
        "runs"), took, r.markdown().toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  /** Checks the numeric options and names before anything is built, naming them as typed. */
  private void checkOptions() {
    CommandLine cmd = spec.commandLine();
    for (int d : dimensions != null ? dimensions : new int[0]) {
      OptionChecks.atLeast(cmd, "--dimensions", d, 2);
    }
    for (int f : budgets != null ? budgets : new int[0]) {
      OptionChecks.atLeast(cmd, "--budgets", f, 10);
    }
    OptionChecks.atLeast(cmd, "--ensemble", ensemble, 1);
    OptionChecks.atLeast(cmd, "--rounds", rounds, 1);
    OptionChecks.between(cmd, "--initial-share", initialShare, 0, 1);
    OptionChecks.atLeast(cmd, "--threads", threads, 1);
    for (String h : heldOut != null ? heldOut : List.<String>of()) {
      if (!h.equals("none") && !Benchmarks.NAMES.contains(h.toLowerCase(Locale.ROOT))) {
        throw new ParameterException(cmd, "--held-out must name functions ("
            + String.join(", ", Benchmarks.NAMES) + ") or be 'none', but had '" + h + "'");
      }
    }
    if (optimizers.isEmpty() || optimizers.stream().distinct().count() != optimizers.size()
        || !List.of("pso", "ga").containsAll(optimizers)) {
      throw new ParameterException(cmd, "--optimizers must be pso and/or ga, each once, but "
          + "were " + String.join(",", optimizers));
    }
  }

  /** The notice printed when the benchmark is stopped: what is saved, and how to resume. */
  private String interrupted(BudgetStudy study) {
    Path dir = study.output().toAbsolutePath().normalize();
    return "nnproxy budget: interrupted; " + Counts.of(savedRows(dir.resolve("budget-runs.csv")),
        "run", "runs") + " saved in " + dir + ". Resume with the same command (resume is the "
        + "default): " + CommandText.of(spec.commandLine().getParseResult().originalArgs())
            .without("--no-resume", false);
  }

  /** Adds the command to run instead to the benchmark's refusal of its folder. */
  private RuntimeException refused(OutputFolderException e) {
    CommandText again = CommandText.of(spec.commandLine().getParseResult().originalArgs());
    String hint = switch (e.reason()) {
      case LOCKED -> "";
      case RESUME_OFF -> " To resume it: " + again.without("--no-resume", false)
          + "; to start afresh elsewhere: " + again.without("--out", true).with("--out",
              "<new folder>");
      case OTHER_CONFIGURATION, UNKNOWN_CONFIGURATION -> " To run this configuration in a new "
          + "folder: " + again.without("--out", true).with("--out", "<new folder>");
    };
    return new IllegalStateException(e.getMessage() + hint, e);
  }

  /** The complete rows of a CSV file after its header: runs on disk (a torn last line not). */
  static long savedRows(Path csv) {
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(csv))) {
      long lines = 0;
      for (int c = in.read(); c >= 0; c = in.read()) {
        lines += c == '\n' ? 1 : 0;
      }
      return Math.max(0, lines - 1);
    } catch (IOException e) {
      return 0;
    }
  }

  BudgetStudy build() {
    try {
      int[] inner = parseSize(innerPso != null ? innerPso : quick ? "20x50" : "100x1000");
      JeneticsOptimizer ga = innerGa();
      BudgetStudy.Builder b = BudgetStudy.builder()
          .dimensions(dimensions != null ? dimensions : quick ? new int[] {2} : new int[] {2, 4,
              10})
          .budgetFactors(budgets != null ? budgets : quick ? new int[] {20, 50}
              : new int[] {20, 50, 100})
          .seeds((seeds != null ? seeds : SeedList.count(quick ? 3 : 10)).seeds())
          .rounds(rounds)
          .initialShare(initialShare)
          .threads(threads)
          .output(out != null ? out : Path.of(quick ? "nnproxy-budget-quick" : "nnproxy-budget"))
          .resume(!noResume)
          .plots(!noPlots);
      if (functions != null) {
        b.functions(functions.toArray(String[]::new));
      }
      if (heldOut != null) {
        b.heldOut(heldOut.stream().filter(h -> !h.equals("none")).toArray(String[]::new));
      } else if (quick) {
        b.heldOut();
      }
      ProxyTrainer trainer = quick
          ? ProxyTrainer.builder().hiddenLayers(16, 16).epochs(60).patience(15).batchSize(16)
              .build()
          : BudgetStudy.defaultOfflineTrainer();
      ManagedOptimization.Builder mb = BudgetStudy.defaultManaged().toBuilder().trainer(trainer)
          .ensembleSize(ensemble);
      if (acquisition != null) {
        mb.acquisition(switch (acquisition.toLowerCase(Locale.ROOT)) {
          case "mean" -> Acquisition.MEAN;
          case "lcb" -> Acquisition.LOWER_CONFIDENCE_BOUND;
          case "ei" -> Acquisition.EXPECTED_IMPROVEMENT;
          default -> throw new IllegalArgumentException(
              "--acquisition must be mean, lcb or ei, but was '" + acquisition + "'");
        });
      }
      if (kappa != null) {
        mb.explorationWeight(kappa);
      }
      if (trustRadius != null) {
        if (trustRadius == 0) {
          mb.trustRegion(false);
        } else {
          mb.trustRegion(true).trustRadius(trustRadius);
        }
      }
      if (batch != null) {
        mb.batchSelection(switch (batch.toLowerCase(Locale.ROOT)) {
          case "minima" -> BatchSelection.DISTINCT_MINIMA;
          case "merit" -> BatchSelection.SPREAD_AND_MERIT;
          default -> throw new IllegalArgumentException(
              "--batch must be minima or merit, but was '" + batch + "'");
        });
      }
      if (stopOnConvergence) {
        mb.stopOnConvergence(true);
      }
      if (localModel != null) {
        mb.localModel(choice(localModel, "--local-model", "on", "off"));
      }
      if (perturb != null) {
        mb.perturbSubsets(choice(perturb, "--perturb", "subsets", "all"));
      }
      if (warmStart != null) {
        if (warmStart.equalsIgnoreCase("off")) {
          mb.warmStart(false);
        } else {
          int epochs;
          try {
            epochs = Integer.parseInt(warmStart.trim());
          } catch (NumberFormatException e) {
            epochs = -1;
          }
          if (epochs < 0) {
            throw new IllegalArgumentException("--warm-start must be 'off' or a number of epochs"
                + " >= 0, but was '" + warmStart + "'");
          }
          mb.warmStart(true).warmStartEpochs(epochs);
        }
      }
      ManagedOptimization managed = mb.build();
      b.managed(managed).offlineTrainer(trainer);
      if (!quiet) {
        PrintWriter err = spec.commandLine().getErr();
        b.progress(line -> {
          err.println(line);
          err.flush();
        });
      }
      for (String o : optimizers) {
        switch (o) {
          case "pso" -> b.optimizer(new TrustOptimizer("pso",
              JmetalPsoOptimizer.paper().withSwarmSize(inner[0]).withIterations(inner[1]),
              BudgetCommand::psoForBudget));
          case "ga" -> b.optimizer(new TrustOptimizer("ga", ga,
              BudgetCommand::gaForBudget));
          default -> throw new IllegalArgumentException(
              "optimizers must be pso or ga, but had '" + o + "'");
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid benchmark: " + e.getMessage(), e);
    }
  }

  /**
   * The seed's PSO sized for n true evaluations: a swarm of round(sqrt(2n)) particles (at least
   * 5), ceil(n / swarm) iterations (the initial swarm counted); the benchmark counts the first
   * n evaluations only.
   *
   * @param n the budget
   * @return the optimizer
   */
  static Optimizer psoForBudget(int n) {
    int swarm = Math.max(5, (int) Math.round(Math.sqrt(2.0 * n)));
    return JmetalPsoOptimizer.paper().withSwarmSize(swarm)
        .withIterations((n + swarm - 1) / swarm);
  }

  /**
   * The seed's GA sized for n true evaluations: a population of round(sqrt(n)) (at least 10,
   * the seed's), stopped after n evaluations.
   *
   * @param n the budget
   * @return the optimizer
   */
  static Optimizer gaForBudget(int n) {
    int pop = Math.max(10, (int) Math.round(Math.sqrt(n)));
    return JeneticsOptimizer.paper().toBuilder().name("jenetics-ga-paper-pop" + pop)
        .populationSize(pop).evaluations(n).build();
  }

  /** The GA inside the loop: the seed's, or resized by {@code --inner-ga}. */
  private JeneticsOptimizer innerGa() {
    if (innerGa == null) {
      return JeneticsOptimizer.paper();
    }
    int[] size = parseSize(innerGa, "--inner-ga", "POPULATIONxGENERATIONS");
    return JeneticsOptimizer.paper().toBuilder()
        .name("jenetics-ga-paper-pop" + size[0] + "x" + size[1])
        .populationSize(size[0]).generations(size[1]).build();
  }

  private static int[] parseSize(String s) {
    return parseSize(s, "--inner-pso", "SWARMxITERATIONS");
  }

  private static int[] parseSize(String s, String option, String form) {
    String[] p = s.toLowerCase(Locale.ROOT).split("x");
    try {
      if (p.length == 2) {
        int swarm = Integer.parseInt(p[0].trim());
        int iterations = Integer.parseInt(p[1].trim());
        if (swarm > 0 && iterations > 0) {
          return new int[] {swarm, iterations};
        }
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " must be " + form + " with positive"
        + " numbers, e.g. 40x100, but was '" + s + "'");
  }

  private static String join(int[] v) {
    StringBuilder s = new StringBuilder();
    for (int x : v) {
      s.append(s.length() == 0 ? "" : ",").append(x);
    }
    return s.toString();
  }

  /** Reads a two-way option: true for {@code yes}, false for {@code no}, either case. */
  private static boolean choice(String value, String option, String yes, String no) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals(yes) || v.equals(no)) {
      return v.equals(yes);
    }
    throw new IllegalArgumentException(option + " must be " + yes + " or " + no + ", but was '"
        + value + "'");
  }
}
