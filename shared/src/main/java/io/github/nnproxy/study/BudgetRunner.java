package io.github.nnproxy.study;

import io.github.nnproxy.study.plot.BudgetPlots;
import io.github.nnproxy.study.report.BudgetCsv;
import io.github.nnproxy.study.report.BudgetReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one {@link BudgetStudy#run()}: locks and prepares the folder ({@link
 * StudyFolder}), keeps the finished runs of the same configuration, makes the rest on the
 * study's threads (longest budgets first) and streams each to {@link BudgetCsv}, then sorts,
 * summarizes, reports and plots. What the runs are comes from {@link BudgetProtocol}.
 */
final class BudgetRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetRunner.class);
  private final BudgetStudy study;
  private final BudgetProtocol protocol;
  private final Path out;

  BudgetRunner(BudgetStudy study) {
    this.study = study;
    this.protocol = new BudgetProtocol(study);
    this.out = study.output();
  }

  BudgetResult run() {
    try (StudyFolder.Lock lock = StudyFolder.lock(out)) {
      return runLocked();
    }
  }

  private BudgetResult runLocked() {
    List<String> found = new ArrayList<>();
    for (String name : new String[] {BudgetCsv.RUNS, BudgetCsv.TIMINGS, BudgetReport.SUMMARY,
        BudgetReport.FILE}) {
      if (Files.exists(out.resolve(name))) {
        found.add(name);
      }
    }
    boolean resuming = StudyFolder.prepare(out, describe(study), study.resume(), found);
    List<BudgetCell> cells = protocol.cells();
    List<BudgetProtocol.Spec> specs = new ArrayList<>();
    for (BudgetCell c : cells) {
      specs.addAll(protocol.runs(c));
    }
    Map<String, BudgetProtocol.Spec> byKey = new HashMap<>();
    for (BudgetProtocol.Spec s : specs) {
      byKey.put(s.key(), s);
    }
    List<BudgetRun> kept = new ArrayList<>();
    if (resuming) {
      BudgetCsv.Restored restored = BudgetCsv.restore(out);
      int foreign = 0;
      for (BudgetRun r : restored.runs()) {
        BudgetProtocol.Spec s = byKey.get(BudgetCsv.key(r.function(), r.dimension(), r.budget(),
            r.method().label(), r.optimizer(), r.seed()));
        if (s != null && BudgetProtocol.runSeed(s) == r.runSeed()) {
          kept.add(r);
        } else {
          foreign++;
        }
      }
      if (restored.dropped() + foreign > 0) {
        LOG.warn("resuming in {}: dropped {} torn or unreadable and {} unexpected rows of {};"
            + " their runs are made again", out, restored.dropped(), foreign, BudgetCsv.RUNS);
      }
      LOG.info("resuming in {}: {} of {} runs are finished", out, kept.size(), specs.size());
    }
    java.util.Set<String> done = kept.stream().map(r -> BudgetCsv.key(r.function(),
        r.dimension(), r.budget(), r.method().label(), r.optimizer(), r.seed()))
        .collect(Collectors.toSet());
    List<BudgetProtocol.Spec> todo = new ArrayList<>();
    for (BudgetProtocol.Spec s : specs) {
      if (!done.contains(s.key())) {
        todo.add(s);
      }
    }
    // the long runs first, so that the threads stay busy to the end
    todo.sort((a, b) -> Integer.compare(cost(b), cost(a)));
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(study.threads(), r -> {
      Thread t = new Thread(r, "nnproxy-budget-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicInteger finished = new AtomicInteger(kept.size());
    try {
      try (BudgetCsv log = BudgetCsv.open(out, kept)) {
        List<CompletableFuture<?>> tasks = new ArrayList<>();
        for (BudgetProtocol.Spec s : todo) {
          tasks.add(CompletableFuture.runAsync(() -> {
            BudgetRun r = protocol.execute(s);
            log.append(r);
            report(r, finished.incrementAndGet(), specs.size());
          }, pool));
        }
        try {
          CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
          Throwable cause = e;
          while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
          }
          throw new IllegalStateException("the budget benchmark failed: " + cause, cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<BudgetRun> runs = new ArrayList<>(BudgetCsv.restore(out).runs());
    if (runs.size() != specs.size()) {
      throw new IllegalStateException(out.resolve(BudgetCsv.RUNS) + " holds " + runs.size()
          + " readable runs after the benchmark, but " + specs.size() + " were expected. Was the"
          + " file changed while it ran? Run it again to make the missing runs.");
    }
    Map<String, Integer> order = new HashMap<>();
    for (BudgetProtocol.Spec s : specs) {
      order.put(s.key(), order.size());
    }
    runs.sort((a, b) -> Integer.compare(order.get(key(a)), order.get(key(b))));
    BudgetCsv.rewrite(out, runs);
    List<BudgetSummary> summaries = new ArrayList<>();
    for (BudgetCell c : cells) {
      List<BudgetRun> mine = runs.stream().filter(r -> r.function().equals(c.function())
          && r.dimension() == c.dimension() && r.budget() == c.budget()).toList();
      summaries.addAll(protocol.summarize(c, mine));
    }
    List<Path> plots = study.plots() ? BudgetPlots.draw(cells, summaries, out.resolve("plots"))
        : List.of();
    BudgetReport.writeCsv(out, summaries);
    Path md = BudgetReport.writeMarkdown(out, study, cells, summaries, plots, describe(study));
    return new BudgetResult(out, out.resolve(BudgetCsv.RUNS), out.resolve(BudgetReport.SUMMARY),
        md, plots, summaries, runs);
  }

  private static String key(BudgetRun r) {
    return BudgetCsv.key(r.function(), r.dimension(), r.budget(), r.method().label(),
        r.optimizer(), r.seed());
  }

  /** A rough cost rank: the loop's runs first, by budget. */
  private static int cost(BudgetProtocol.Spec s) {
    int weight = switch (s.method()) {
      case MANAGED -> 100;
      case OFFLINE -> 10;
      default -> 1;
    };
    return weight * s.cell().budget();
  }

  private void report(BudgetRun r, int done, int total) {
    synchronized (this) {
      study.progress().accept(String.format(Locale.ROOT, "%d/%d %s %d-D B=%d %s seed %d: regret"
              + " %.4g, distance %.4f, %d true evaluations, %.1f s", done, total, r.function(),
          r.dimension(), r.budget(), r.label(), r.seed(), r.regret(), r.distance(),
          r.evaluations(), r.wallSeconds()));
    }
  }

  /** The canonical description of what the results depend on. */
  static String describe(BudgetStudy s) {
    StringBuilder b = new StringBuilder();
    b.append("# nnproxy budget benchmark: the configuration of the results in this folder.\n")
        .append("# A benchmark with another configuration refuses to run here. Do not edit.\n");
    line(b, "format", 1);
    line(b, "functions", String.join(", ", s.functions()));
    line(b, "held out", s.functions().stream().filter(s.heldOut()::contains)
        .collect(Collectors.joining(", ")));
    line(b, "dimensions", Arrays.toString(s.dimensions()));
    line(b, "budget factors", Arrays.toString(s.budgetFactors()));
    line(b, "seeds", Arrays.toString(s.seeds()));
    for (TrustOptimizer o : s.optimizers()) {
      line(b, "optimizer " + o.label(), o.optimizer().description() + "; with 100 true"
          + " evaluations: " + o.equalBudget().apply(100).description());
    }
    line(b, "managed template", s.managed().toString().replaceAll(", seed [-0-9]+", "")
        .replaceAll(", \\d+ threads", ""));
    line(b, "initial share", s.initialShare());
    line(b, "rounds", s.rounds());
    line(b, "offline trainer", StudyFolder.trainer(s.offlineTrainer()));
    return b.toString();
  }

  private static void line(StringBuilder b, String key, Object value) {
    b.append(key).append(" = ").append(value).append('\n');
  }
}
