package io.github.nnproxy.cli;

import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.spi.EvaluationBackend;
import io.github.nnproxy.study.OutputFolderException;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyListener;
import io.github.nnproxy.study.StudyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy study}: runs the stability study on a preset grid, with overrides, writes its
 * files and prints the summary table.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy study --preset quick --functions ackley --seeds 3 --out results
 * }</pre>
 */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Trains a proxy per function, dimension and sampling scheme, runs every optimizer on "
            + "every proxy and on the true function once per seed, and reports the distance "
            + "from the point found to the true optimum beside the seed study's figures "
            + "(Albreiki, Belayouni, Gupta, arXiv 2301.07102).",
        "Writes runs.csv, summary.csv, summary.md, proxies.csv, timings.csv, proxies/ and "
            + "plots/ to the output folder and prints the summary table."})
public final class StudyCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--preset", paramLabel = "quick|paper", converter = Converters.Preset.class,
      description = "The grid to start from: quick (3 functions, 2-D, 3 schemes, 5 seeds, quick "
          + "trainer, base size 3000) or paper (the seed's grid: 2, 4, 10-D, 10 seeds, defaults "
          + "trainer, base size 10000); run times: docs/BENCHMARKS.md. "
          + "Default: ${DEFAULT-VALUE}.")
  private StudyPreset preset = StudyPreset.QUICK;

  @Option(names = "--functions", split = ",", paramLabel = "NAME",
      converter = Converters.FunctionName.class,
      description = "Benchmark functions, comma-separated: ackley, rastrigin, rosenbrock, sphere, "
          + "griewank, levy, styblinski-tang, schwefel. Default: the preset's (ackley, "
          + "rastrigin, rosenbrock).")
  private List<String> functions;

  @Option(names = "--dimensions", split = ",", paramLabel = "D",
      description = "Dimensions, comma-separated. Default: the preset's (quick 2; paper 2,4,10).")
  private int[] dimensions;

  @Option(names = "--schemes", split = ",", paramLabel = "SCHEME",
      converter = Converters.Scheme.class,
      description = "Sampling schemes, comma-separated: dense, sparse, gaussian, lhs, sobol. "
          + "Default: the preset's (dense, sparse, gaussian).")
  private List<SamplingScheme> schemes;

  @Option(names = "--optimizers", split = ",", paramLabel = "NAME",
      converter = Converters.Optimizer.class,
      description = "Optimizers, comma-separated: pso (the seed's PSO as pyswarms runs it, jMetal; "
          + "PSO column), pso-jmetal-rules (the same PSO with jMetal's movement rules), ga "
          + "(the seed's GA, Jenetics; GA column), spso2007, spso2011, ga-defaults, "
          + "ga-pso-budget (the seed's GA with the PSO's 100,000 evaluations). "
          + "Default: the preset's (pso, ga).")
  private List<OptimizerChoice> optimizers;

  @Option(names = "--seeds", paramLabel = "SEEDS", converter = Converters.Seeds.class,
      description = "Optimizer seeds: a count (5 = seeds 1..5), a range (3..7) or a list "
          + "(1,7,42). Default: the preset's (quick 5, paper 10).")
  private SeedList seeds;

  @Option(names = "--trainer", paramLabel = "defaults|relu|paper|quick",
      converter = Converters.Trainer.class,
      description = "Proxy trainer: defaults (ProxyTrainer.defaults(), a smooth SiLU "
          + "network), relu (nnproxy 0.1's defaults: the seed's ReLU network, fast training), "
          + "paper (the seed's networks and 500 epochs, exactly) or quick (defaults with 64-64, "
          + "100 epochs). Default: the preset's (quick quick, paper defaults).")
  private TrainerPreset trainer;

  @Option(names = "--base-size", paramLabel = "N",
      description = "Dense sample size; sparse draws a quarter of it. "
          + "Default: the preset's (quick 3000, paper 10000).")
  private Integer baseSize;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Master seed of sampling and training. Default: ${DEFAULT-VALUE}.")
  private long proxySeed = 42;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads; results do not depend on it. "
          + "Default: the number of processors (${DEFAULT-VALUE} here).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (created; its parent folder must exist). Running again "
          + "with the same settings resumes: finished runs and saved proxies are reused; "
          + "other settings are refused. "
          + "Default: ${DEFAULT-VALUE}.")
  private Path out = Path.of("nnproxy-results");

  @Option(names = "--no-resume", negatable = false,
      description = "Refuse an output folder that already holds results instead of resuming "
          + "them. Default: resume.")
  private boolean noResume;

  @Option(names = "--no-plots", negatable = false,
      description = "Skip the plots (faster). Default: plots are drawn.")
  private boolean noPlots;

  @Mixin
  private SparkOption spark = new SparkOption();

  @Option(names = {"-q", "--quiet"},
      description = "No progress bar. The bar is drawn on standard error only when the output "
          + "is a terminal.")
  private boolean quiet;

  /** Creates the command; picocli fills it. */
  public StudyCommand() {}

  /**
   * Runs the study.
   *
   * @return 0
   * @throws ParameterException if the options do not make a valid study
   * @throws IllegalStateException if the output folder cannot be used
   */
  @Override
  public Integer call() {
    checkOptions();
    OutputPaths.checkFolder("--out", out);
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int seedCount = (seeds != null ? seeds : preset.seeds()).seeds().length;
    int perCell = optimizerChoices().size() * seedCount;
    StudyResult result;
    long start;
    try (EvaluationBackend.Session truth = spark.open(spec.commandLine());
        ProgressListener progress = quiet ? ProgressListener.silent()
            : System.console() != null ? ProgressListener.bar(System.err)
            : ProgressListener.lines(err, perCell);
        InterruptNotice notice = InterruptNotice.install(err, () -> interrupted(progress))) {
      StabilityStudy study = build(progress, truth);
      w.println(header(study));
      w.flush();
      start = System.nanoTime();
      try {
        result = study.run();
      } catch (OutputFolderException e) {
        throw refused(e);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    w.println();
    SummaryTable.of(result.summaryMarkdown()).forEach(w::println);
    Path dir = result.output().toAbsolutePath().normalize();
    Path md = dir.resolve(result.summaryMarkdown().getFileName());
    SummaryTable.legend(md, seedCount, optimizerChoices().stream()
        .filter(o -> o.column() == SeedColumn.NONE).map(o -> o.studyOptimizer().label())
        .toList()).forEach(w::println);
    ProxyWarning.untrusted(result.proxies()).ifPresent(line -> {
      w.println();
      w.println(line);
    });
    w.println();
    w.printf(Locale.ROOT, "%s, %s in %s.%n", Counts.of(result.proxies().size(), "proxy",
        "proxies"), Counts.of(result.runCount(), "run", "runs"), ProgressListener.elapsed(took));
    w.println("Report: " + md);
    w.println("Files:  " + dir + " (runs.csv, summary.csv, proxies.csv, timings.csv, "
        + "proxies/" + (result.plots().isEmpty() ? "" : ", plots/ with "
            + Counts.of(result.plots().size(), "PNG", "PNGs")) + ")");
    w.flush();
    return 0;
  }

  /** Checks the numeric options before anything is built, naming them as typed. */
  private void checkOptions() {
    CommandLine cmd = spec.commandLine();
    OptionChecks.atLeast(cmd, "--threads", threads, 1);
    if (baseSize != null) {
      OptionChecks.atLeast(cmd, "--base-size", baseSize, 4L * ProxyTrainer.MIN_SAMPLES);
    }
    int[] dims = dimensions != null ? dimensions : preset.dimensions();
    for (String f : functions != null ? functions : preset.functions()) {
      for (int d : dims) {
        OptionChecks.dimension(cmd, "--dimensions", f, d);
      }
    }
  }

  /** The notice printed when the study is stopped: what is saved, and the command to resume. */
  private String interrupted(ProgressListener progress) {
    int total = progress.runsTotal();
    return "nnproxy study: interrupted; " + Counts.of(progress.runsSaved(), "run", "runs")
        + (total > 0 ? " of " + total : "") + " saved in "
        + out.toAbsolutePath().normalize() + ". Resume with the same command (resume is the "
        + "default): " + CommandText.of(originalArgs()).without("--no-resume", false);
  }

  /** Adds the command to run instead to the study's refusal of its folder. */
  private RuntimeException refused(OutputFolderException e) {
    CommandText again = CommandText.of(originalArgs());
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

  private List<String> originalArgs() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    // 'nnproxy' alone runs 'study' with its defaults; the notice names the command either way
    return args.isEmpty() || !args.get(0).equals("study")
        ? java.util.stream.Stream.concat(java.util.stream.Stream.of("study"), args.stream())
            .toList()
        : args;
  }

  private StabilityStudy build(StudyListener listener, EvaluationBackend.Session truth) {
    try {
      StabilityStudy.Builder b = StabilityStudy.builder()
          .functions((functions != null ? functions : preset.functions()).toArray(String[]::new))
          .dimensions(dimensions != null ? dimensions : preset.dimensions())
          .schemes((schemes != null ? schemes : preset.schemes()).toArray(SamplingScheme[]::new))
          .seeds((seeds != null ? seeds : preset.seeds()).seeds())
          .proxySeed(proxySeed)
          .trainer(trainerPreset().trainers())
          .baseSize(baseSize != null ? baseSize : preset.baseSize())
          .threads(threads)
          .output(out)
          .plots(!noPlots)
          .resume(!noResume)
          .listener(listener)
          .sampledTruth(truth::distribute);
      for (OptimizerChoice o : optimizerChoices()) {
        b.optimizer(o.studyOptimizer());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid study: " + e.getMessage(), e);
    }
  }

  private TrainerPreset trainerPreset() {
    return trainer != null ? trainer : preset.trainer();
  }

  private List<OptimizerChoice> optimizerChoices() {
    List<OptimizerChoice> list = optimizers != null ? optimizers : preset.optimizers();
    if (list.stream().distinct().count() != list.size()) {
      throw new ParameterException(spec.commandLine(), "--optimizers must not repeat, but were "
          + list.stream().map(OptimizerChoice::key).collect(Collectors.joining(",")));
    }
    return list;
  }

  private String header(StabilityStudy s) {
    int cells = s.functionNames().size() * s.dimensions().length;
    return String.format(Locale.ROOT, "nnproxy study (preset %s): %s x %s-D x %s x %s x %s "
            + "(%s)%n  %s (trainer %s, base size %d, proxy seed %d), %s, "
            + "output %s", preset.key(), String.join(",", s.functionNames()),
        java.util.Arrays.stream(s.dimensions()).mapToObj(Integer::toString)
            .collect(Collectors.joining(",")),
        s.schemes().stream().map(SamplingScheme::label).collect(Collectors.joining(",")),
        s.optimizers().stream().map(o -> o.label()).collect(Collectors.joining(",")),
        Counts.of(s.seeds().length, "seed", "seeds"), new SeedList(s.seeds()),
        Counts.of((long) cells * s.schemes().size(), "proxy", "proxies"),
        trainerPreset().key(), s.baseSize(), s.proxySeed(),
        Counts.of(s.threads(), "thread", "threads"),
        s.output().toAbsolutePath().normalize());
  }
}
