package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.report.RunsCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study resumes from what an interrupted run left in its folder: finished runs and saved proxies
 * are reused, torn or damaged pieces are made again, the final files equal an uninterrupted run's,
 * and a changed configuration is refused.
 */
class StudyResumeTest {
  /** 2 functions x 1 dimension x 2 optimizers x 2 seeds x (2 schemes + truth). */
  static final int RUNS = 24;
  static final List<String> FINAL_FILES = List.of("runs.csv", "summary.csv", "summary.md");

  @TempDir static Path tmp;
  static Path reference;

  /** The study of these tests, with counting optimizers and a counting truth. */
  static StabilityStudy.Builder study(Path out, Optimizer pso, Optimizer ga, AtomicLong truth) {
    return StabilityStudy.builder()
        .function(d -> new CountingFunction(Benchmarks.byName("sphere", d), truth))
        .function(d -> new CountingFunction(Benchmarks.byName("ackley", d), truth))
        .dimensions(2)
        .schemes(SamplingScheme.DENSE_UNIFORM, SamplingScheme.SPARSE_UNIFORM)
        .optimizer(pso, SeedColumn.PSO)
        .optimizer(ga, SeedColumn.GA)
        .seeds(3, 7)
        .baseSize(400)
        .trainer(f -> StabilityStudyTest.FAST)
        .threads(2)
        .plots(false)
        .output(out);
  }

  static Optimizer pso() {
    return new SearchOptimizer("search-pso", 200, 8);
  }

  static Optimizer ga() {
    return new SearchOptimizer("search-ga", 50, 0);
  }

  /** Counting optimizers and truth of one resumed run. */
  static final class Counts {
    final CountingOptimizer pso = new CountingOptimizer(pso());
    final CountingOptimizer ga = new CountingOptimizer(ga());
    final AtomicLong truth = new AtomicLong();
    final List<int[]> resumed = new ArrayList<>();

    StabilityStudy.Builder study(Path out) {
      return StudyResumeTest.study(out, pso, ga, truth).listener(new StudyListener() {
        @Override
        public void onResumed(int proxies, int runs) {
          resumed.add(new int[] {proxies, runs});
        }
      });
    }

    int runs() {
      return pso.calls.get() + ga.calls.get();
    }
  }

  @BeforeAll
  static void runUninterrupted() {
    reference = tmp.resolve("reference");
    // resume(false) on a fresh folder runs normally
    study(reference, pso(), ga(), new AtomicLong()).resume(false).build().run();
  }

  static Path copyOfReference(String name) throws IOException {
    Path to = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(reference)) {
      for (Path p : files.toList()) {
        Files.copy(p, to.resolve(reference.relativize(p).toString()));
      }
    }
    return to;
  }

  static void assertSameFinalFiles(Path dir) throws IOException {
    for (String f : FINAL_FILES) {
      assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(dir.resolve(f)),
          f + " differs from the uninterrupted run's");
    }
  }

  static long dataRows(Path runsCsv) throws IOException {
    try (Stream<String> lines = Files.lines(runsCsv)) {
      return lines.count() - 1;
    }
  }

  @Test
  void resumesACrashedStudyReusingItsRunsAndProxies() throws IOException {
    Path dir = tmp.resolve("crashed");
    CountingOptimizer crashing = new CountingOptimizer(pso(), 3, 0);
    IllegalStateException crash = assertThrows(IllegalStateException.class,
        () -> study(dir, crashing, ga(), new AtomicLong()).build().run());
    assertEquals("simulated crash", crash.getCause().getMessage());
    long before = dataRows(dir.resolve("runs.csv"));
    assertTrue(before > 0 && before < RUNS, before + " rows");
    Map<Path, byte[]> proxies = new HashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("proxies"))) {
      for (Path p : files.toList()) {
        proxies.put(p, Files.readAllBytes(p));
      }
    }
    assertFalse(proxies.isEmpty());

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(RUNS - before, c.runs(), "only the missing runs are made");
    for (Map.Entry<Path, byte[]> e : proxies.entrySet()) {
      // a retrained proxy would record another training time
      assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " retrained");
    }
    assertEquals(1, c.resumed.size());
    assertArrayEquals(new int[] {proxies.size(), (int) before}, c.resumed.get(0));
    assertSameFinalFiles(dir);
  }

  @Test
  void leavesNoCorruptRowWhenKilledAndResumesToTheSameFiles() throws Exception {
    Path dir = tmp.resolve("killed");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        KilledStudyMain.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("killed.log").toFile())
        .start();
    Path runs = dir.resolve("runs.csv");
    long deadline = System.nanoTime() + 60_000_000_000L;
    try {
      while (!(Files.exists(runs) && dataRows(runs) >= 4)) {
        assertTrue(child.isAlive(), () -> "the child study ended early: " + log());
        assertTrue(System.nanoTime() < deadline, "no rows after 60 s");
        Thread.sleep(5);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      child.waitFor();
    }
    assertTrue(child.exitValue() != 0, "the child was killed, not finished");
    for (String name : List.of("runs.csv", "timings.csv")) {
      String text = Files.readString(dir.resolve(name));
      String[] lines = text.split("\n", -1);
      int complete = lines.length - 1; // the last piece is empty or a torn line
      int fields = name.equals("runs.csv") ? RunsCsv.RUN_HEADER.length
          : RunsCsv.TIMING_HEADER.length;
      for (int i = 0; i < complete; i++) {
        assertEquals(fields, lines[i].split(",", -1).length, name + " line " + (i + 1));
      }
    }
    long kept = RunsCsv.restore(dir).runs().size();
    assertTrue(kept >= 4 && kept < RUNS, kept + " rows");
    assertFalse(Files.exists(dir.resolve("summary.csv")));

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(RUNS - kept, c.runs(), "only the missing runs are made");
    assertSameFinalFiles(dir);
  }

  private static String log() {
    try {
      return Files.readString(tmp.resolve("killed.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void dropsATornLastLineAndMakesItsRunAgain() throws IOException {
    Path dir = copyOfReference("torn");
    Path runs = dir.resolve("runs.csv");
    List<String> lines = Files.readAllLines(runs);
    String torn = lines.get(lines.size() - 1);
    List<String> kept = lines.subList(0, lines.size() - 3);
    Files.writeString(runs, String.join("\n", kept) + "\n" + torn.substring(0, torn.length() / 2),
        StandardCharsets.UTF_8);
    Files.delete(dir.resolve("summary.csv"));
    Files.delete(dir.resolve("summary.md"));

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(3, c.runs());
    // the three redone runs are proxy runs: one true evaluation each to judge the point found,
    // and no proxy was trained again (that would take 100 or 400 true evaluations)
    assertEquals(3, c.truth.get());
    assertSameFinalFiles(dir);
  }

  @Test
  void dropsAGarbledLineInTheMiddle() throws IOException {
    Path dir = copyOfReference("garbled");
    Path runs = dir.resolve("runs.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(runs));
    lines.set(5, lines.get(5).replace(",", ";")); // no longer 16 fields
    lines.set(9, "\0\0\0\0");
    Files.writeString(runs, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(2, c.runs());
    assertSameFinalFiles(dir);
  }

  @Test
  void trainsADamagedProxyAgain() throws IOException {
    Path dir = copyOfReference("damaged-proxy");
    Path proxy = dir.resolve("proxies/sphere-2d-dense-uniform.nnproxy");
    byte[] bytes = Files.readAllBytes(proxy);
    Files.write(proxy, Arrays.copyOf(bytes, bytes.length / 2));

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(0, c.runs());
    assertEquals(400, c.truth.get(), "one dense sample of the true sphere");
    assertArrayEquals(new int[] {3, RUNS}, c.resumed.get(0));
    assertSameFinalFiles(dir);
  }

  @Test
  void trainsAgainAProxyFileThatDoesNotFitItsCell() throws IOException {
    Path dir = copyOfReference("swapped-proxies");
    Path proxies = dir.resolve("proxies");
    // another function's proxy (another domain) in place of sphere's
    Files.copy(proxies.resolve("ackley-2d-dense-uniform.nnproxy"),
        proxies.resolve("sphere-2d-dense-uniform.nnproxy"), StandardCopyOption.REPLACE_EXISTING);
    // a proxy of the right function and domain, but not of the study's trainer
    ProxyTrainer.builder().hiddenLayers(8).epochs(2).build()
        .train(Benchmarks.byName("ackley", 2), Samplers.uniform(), 100, 1L)
        .save(proxies.resolve("ackley-2d-sparse-uniform.nnproxy"));

    Counts c = new Counts();
    c.study(dir).build().run();

    assertEquals(0, c.runs());
    assertEquals(400 + 100, c.truth.get(), "the dense sphere and sparse Ackley samples");
    assertSameFinalFiles(dir);
  }

  @Test
  void runningAFinishedStudyAgainMakesNothingAndIgnoresThreads() throws IOException {
    Path dir = copyOfReference("finished");
    Counts c = new Counts();
    StudyResult r = c.study(dir).threads(1).build().run();
    assertEquals(0, c.runs());
    assertEquals(0, c.truth.get());
    assertEquals(RUNS, r.runCount());
    assertEquals(4, r.proxies().size());
    assertSameFinalFiles(dir);
  }

  @Test
  void refusesAnotherConfigurationNamingTheChange() throws IOException {
    Path dir = copyOfReference("changed");
    byte[] runs = Files.readAllBytes(dir.resolve("runs.csv"));
    Counts c = new Counts();

    IllegalStateException seeds = assertThrows(IllegalStateException.class,
        () -> c.study(dir).seeds(3, 8).build().run());
    assertTrue(seeds.getMessage().contains("'seeds' was 3, 7, now 3, 8"), seeds.getMessage());
    assertEquals(OutputFolderException.Reason.OTHER_CONFIGURATION,
        ((OutputFolderException) seeds).reason());
    assertEquals(dir, ((OutputFolderException) seeds).folder());
    assertTrue(seeds.getMessage().contains("choose a new output folder or delete"),
        seeds.getMessage());

    IllegalStateException trainer = assertThrows(IllegalStateException.class,
        () -> c.study(dir).trainer(f -> StabilityStudyTest.FAST.toBuilder().epochs(11).build())
            .build().run());
    assertTrue(trainer.getMessage().contains("'trainer sphere 2-D' was"), trainer.getMessage());
    assertTrue(trainer.getMessage().contains("epochs 11"), trainer.getMessage());

    IllegalStateException optimizer = assertThrows(IllegalStateException.class,
        () -> study(dir, new SearchOptimizer("search-pso-2", 200, 8), ga(), new AtomicLong())
            .build().run());
    assertTrue(optimizer.getMessage().contains("'optimizer search-pso-2' is new"),
        optimizer.getMessage());

    IllegalStateException base = assertThrows(IllegalStateException.class,
        () -> c.study(dir).baseSize(800).build().run());
    assertTrue(base.getMessage().contains("'base size' was 400, now 800"), base.getMessage());

    assertEquals(0, c.runs());
    assertArrayEquals(runs, Files.readAllBytes(dir.resolve("runs.csv")), "nothing was touched");
  }

  @Test
  void refusesASecondStudyOnTheSameFolderWhileTheFirstRuns() throws Exception {
    Path dir = tmp.resolve("locked");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Optimizer blocking = new Optimizer() {
      @Override
      public String name() {
        return "search-pso";
      }

      @Override
      public io.github.nnproxy.optimize.Optimum minimize(
          io.github.nnproxy.ForwardModel objective, long seed) {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return pso().minimize(objective, seed);
      }
    };
    CompletableFuture<StudyResult> first = CompletableFuture.supplyAsync(
        () -> study(dir, blocking, ga(), new AtomicLong()).build().run());
    try {
      assertTrue(started.await(60, TimeUnit.SECONDS));
      Counts c = new Counts();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> c.study(dir).build().run());
      assertTrue(e.getMessage().contains("another study is running in"), e.getMessage());
      assertEquals(OutputFolderException.Reason.LOCKED, ((OutputFolderException) e).reason());
      assertEquals(0, c.runs());
    } finally {
      release.countDown();
    }
    assertEquals(RUNS, first.get(60, TimeUnit.SECONDS).runCount());
    assertSameFinalFiles(dir);
  }

  @Test
  void resumeOffRefusesAFolderWithResults() throws IOException {
    Path dir = copyOfReference("resume-off");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Counts().study(dir).resume(false).build().run());
    assertTrue(e.getMessage().contains("resume is off"), e.getMessage());
    assertEquals(OutputFolderException.Reason.RESUME_OFF, ((OutputFolderException) e).reason());
    assertTrue(e.getMessage().contains("runs.csv"), e.getMessage());
  }

  @Test
  void refusesResultsOfAnUnknownConfiguration() throws IOException {
    Path dir = copyOfReference("no-config");
    Files.delete(dir.resolve(StudyFolder.CONFIG));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Counts().study(dir).build().run());
    assertTrue(e.getMessage().contains("no study-config.txt"), e.getMessage());
    assertEquals(OutputFolderException.Reason.UNKNOWN_CONFIGURATION,
        ((OutputFolderException) e).reason());
  }

  @Test
  void refusesARunsFileOfAnotherFormat() throws IOException {
    Path dir = copyOfReference("other-format");
    Path runs = dir.resolve("runs.csv");
    Files.writeString(runs, Files.readString(runs).replaceFirst("run_seed", "runseed"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Counts().study(dir).build().run());
    assertTrue(e.getMessage().contains("does not start with the header"), e.getMessage());
  }

  @Test
  void removesTheTemporaryFilesOfAKilledStudyOnly() throws IOException {
    Path dir = copyOfReference("temporaries");
    Path runsTmp = Files.writeString(dir.resolve("runs.csv8123456789.tmp"), "function,dim");
    Path proxyTmp = Files.write(dir.resolve("proxies/ackley-2d-dense-uniform.nnproxy42.tmp"),
        new byte[] {1, 2});
    Path users = Files.writeString(dir.resolve("notes.tmp"), "mine");
    Counts c = new Counts();
    c.study(dir).build().run();
    assertFalse(Files.exists(runsTmp));
    assertFalse(Files.exists(proxyTmp));
    assertTrue(Files.exists(users));
    assertEquals(0, c.runs());
  }

  @Test
  void writesACanonicalConfigurationWithoutThreadsOrPlots() throws IOException {
    String config = Files.readString(reference.resolve(StudyFolder.CONFIG));
    assertTrue(config.contains("seeds = 3, 7\n"), config);
    assertTrue(config.contains("schemes = dense-uniform (400 points), sparse-uniform (100 points)"),
        config);
    assertTrue(config.contains("optimizer search-pso = name search-pso"), config);
    assertTrue(config.contains("trainer ackley 2-D = BATCHED_ADAM, hidden layers [16, 16], epochs 10"),
        config);
    assertFalse(config.contains("thread"), config);
    assertFalse(config.contains("plot"), config);
    StabilityStudy other = new Counts().study(tmp.resolve("unused")).threads(1).plots(true)
        .parityPoints(7).build();
    assertEquals(config, StudyFolder.describe(other));
  }

  @Test
  void resumeSetterChangesTheStudy() {
    assertTrue(new Counts().study(tmp).build().resume());
    assertFalse(new Counts().study(tmp).resume(false).build().resume());
  }
}
