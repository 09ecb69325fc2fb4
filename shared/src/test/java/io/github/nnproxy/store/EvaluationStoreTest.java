package io.github.nnproxy.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.OutcomeListener;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.external.ExternalModel;
import io.github.nnproxy.external.Scripts;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.store.EvaluationStore.FailurePolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EvaluationStoreTest {
  static final ProxyTrainer TRAINER = ProxyTrainer.builder().hiddenLayers(8).epochs(5).build();
  private static final Domain BOX = Domain.cube(2, -1, 1);

  @TempDir
  Path dir;

  /** The sphere, counting its calls per point. */
  private static final class Counting implements ForwardModel {
    final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public Domain domain() {
      return BOX;
    }

    @Override
    public double evaluate(double[] x) {
      calls.computeIfAbsent(EvaluationStore.key(x), k -> new AtomicInteger()).incrementAndGet();
      if (x[0] > 0.9) {
        throw new EvaluationException(FailureKind.EXIT_STATUS, "solver crashed at " + x[0]);
      }
      return Scripts.sphere(x);
    }

    int total() {
      return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  @Test
  void recordsSurviveReopeningAndAnswerWithoutSimulating() {
    Path file = dir.resolve("runs.db");
    Counting truth = new Counting();
    double[][] xs = Samplers.uniform().sample(BOX, 50, 2L);
    double[] first;
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      first = values(store.wrap(truth).evaluateOutcomes(xs));
      assertEquals(50, store.simulations());
      assertEquals(0, store.answered());
      assertEquals(50, store.size());
    }
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      assertEquals(50, store.size());
      EvaluationOutcome[] again = store.wrap(truth).evaluateOutcomes(xs);
      assertArrayEquals(first, values(again));
      assertEquals(0, store.simulations());
      assertEquals(50, store.answered());
      assertEquals(50, truth.total());
      for (double[] x : xs) {
        assertEquals(1, truth.calls.get(EvaluationStore.key(x)).get());
      }
    }
  }

  @Test
  void failuresAreReplayedByDefaultAndRunAgainWhenAsked() {
    Path file = dir.resolve("runs.db");
    Counting truth = new Counting();
    double[] bad = {0.95, 0.1};
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      ForwardModel m = store.wrap(truth);
      EvaluationException e = assertThrows(EvaluationException.class, () -> m.evaluate(bad));
      assertEquals(FailureKind.EXIT_STATUS, e.kind());
      e = assertThrows(EvaluationException.class, () -> m.evaluate(bad));
      assertTrue(e.getMessage().contains("solver crashed"), e.getMessage());
      assertEquals(1, truth.total());
      assertEquals(FailureKind.EXIT_STATUS, store.lookup(bad).orElseThrow().failure());
    }
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      ForwardModel retry = store.wrap(truth, FailurePolicy.RETRY);
      assertThrows(EvaluationException.class, () -> retry.evaluate(bad));
      assertEquals(2, truth.total());
      assertEquals(2, store.records().size());
      assertEquals(1, store.size());
    }
  }

  @Test
  void concurrentRequestsForOnePointRunOneSimulation() throws Exception {
    Counting truth = new Counting();
    double[][] xs = Samplers.uniform().sample(BOX, 20, 4L);
    try (EvaluationStore store = EvaluationStore.open(dir.resolve("runs.db"), BOX)) {
      ForwardModel m = store.wrap(truth);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<double[]>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean batch = t % 2 == 0;
        fs.add(pool.submit(() -> {
          go.await();
          if (batch) {
            return values(m.evaluateOutcomes(xs));
          }
          double[] ys = new double[xs.length];
          for (int i = 0; i < xs.length; i++) {
            ys[i] = m.evaluate(xs[i]);
          }
          return ys;
        }));
      }
      go.countDown();
      double[] expected = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        expected[i] = Scripts.sphere(xs[i]);
      }
      for (Future<double[]> f : fs) {
        assertArrayEquals(expected, f.get(30, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertEquals(20, truth.total());
      assertEquals(20, store.simulations());
      assertEquals(8 * 20 - 20, store.answered());
      assertEquals(20, store.records().size());
    }
  }

  @Test
  void aBatchedModelIsRecordedPointByPointAsItReports() {
    Path file = dir.resolve("runs.db");
    double[][] xs = Samplers.uniform().sample(BOX, 10, 6L);
    // a batched model that dies after reporting four points: the four are kept
    ForwardModel dying = new ForwardModel() {
      @Override
      public Domain domain() {
        return BOX;
      }

      @Override
      public double evaluate(double[] x) {
        return Scripts.sphere(x);
      }

      @Override
      public boolean batched() {
        return true;
      }

      @Override
      public EvaluationOutcome[] evaluateOutcomes(double[][] ps, OutcomeListener l) {
        for (int i = 0; i < 4; i++) {
          l.finished(i, EvaluationOutcome.of(Scripts.sphere(ps[i])), Duration.ofMillis(3));
        }
        throw new IllegalStateException("killed");
      }
    };
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      ForwardModel m = store.wrap(dying);
      assertTrue(m.batched());
      assertThrows(IllegalStateException.class, () -> m.evaluateOutcomes(xs));
      assertEquals(4, store.size());
      assertEquals(3.0, store.records().get(0).duration().orElseThrow().toMillis());
    }
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      Counting truth = new Counting();
      store.wrap(truth).evaluateOutcomes(xs);
      assertEquals(6, truth.total());
      assertEquals(4, store.answered());
    }
  }

  @Test
  void trainingThroughAStoreGivesTheSameProxyAndARerunSimulatesNothing() {
    var f = Benchmarks.rastrigin(2);
    Proxy plain = TRAINER.train(f, Samplers.latinHypercube(), 200, 3L);
    try (EvaluationStore store = EvaluationStore.open(dir.resolve("r.db"), f.domain())) {
      Proxy stored = TRAINER.train(f, Samplers.latinHypercube(), 200, 3L, store);
      Proxy again = TRAINER.train(f, Samplers.latinHypercube(), 200, 3L, store);
      double[][] probe = Samplers.uniform().sample(f.domain(), 30, 1L);
      assertArrayEquals(plain.evaluateAll(probe), stored.evaluateAll(probe));
      assertArrayEquals(plain.evaluateAll(probe), again.evaluateAll(probe));
      assertEquals(plain.description(), stored.description());
      assertEquals(200, store.simulations());
      assertEquals(200, store.answered());
    }
  }

  @Test
  void storesRefuseAnotherDomainASecondOpenAndOtherFiles() throws Exception {
    Path file = dir.resolve("runs.db");
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      IllegalStateException busy = assertThrows(IllegalStateException.class,
          () -> EvaluationStore.open(file, BOX));
      assertTrue(busy.getMessage().contains("already open in this JVM"), busy.getMessage());
      IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
          () -> store.wrap(Benchmarks.ackley(2)));
      assertTrue(other.getMessage().contains("domain"), other.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvaluationStore.open(file, Domain.cube(3, -1, 1)));
    assertTrue(e.getMessage().contains("holds evaluations on"), e.getMessage());
    try (EvaluationStore store = EvaluationStore.open(file)) {
      assertEquals(BOX, store.domain());
    }
    assertThrows(IllegalArgumentException.class, () -> EvaluationStore.open(dir.resolve("none")));
    assertThrows(IllegalArgumentException.class, () -> EvaluationStore.open(dir, BOX));
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a database, just notes\n".repeat(100));
    e = assertThrows(IllegalArgumentException.class, () -> EvaluationStore.open(text, BOX));
    assertTrue(e.getMessage().contains(text.getFileName().toString()), e.getMessage());
  }

  @Test
  void theFileIsPlainSqliteAndExportsToCsv() throws Exception {
    Path file = dir.resolve("runs.db");
    double[][] xs = {{0.5, -0.25}, {0.95, 0.0}};
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      store.wrap(new Counting()).evaluateOutcomes(xs);
      store.record(new double[] {0.1, 0.1}, EvaluationOutcome.of(Double.NEGATIVE_INFINITY), null);
      store.record(new double[] {0.2, 0.1}, EvaluationOutcome.of(Double.NaN), null);
      Path csv = dir.resolve("runs.csv");
      store.writeCsv(csv);
      List<String> lines = Files.readAllLines(csv);
      assertEquals("x1,x2,value,failure,duration_ms,finished_at", lines.get(0));
      assertTrue(lines.get(1).startsWith("0.5,-0.25,0.3125,,"), lines.get(1));
      assertTrue(lines.get(2).startsWith("0.95,0.0,,EXIT_STATUS,"), lines.get(2));
    }
    try (EvaluationStore store = EvaluationStore.open(file)) {
      assertEquals(Double.NEGATIVE_INFINITY,
          store.lookup(new double[] {0.1, 0.1}).orElseThrow().value());
      assertEquals(FailureKind.NAN, store.lookup(new double[] {0.2, 0.1}).orElseThrow().failure());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT x1, x2, value FROM evaluations ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(0.5, rs.getDouble(1));
      assertEquals(-0.25, rs.getDouble(2));
      assertEquals(0.3125, rs.getDouble(3));
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aSecondProcessIsRefused() throws Exception {
    Path file = dir.resolve("runs.db");
    Process holder = worker("hold", file.toString()).start();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("open", r.readLine());
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> EvaluationStore.open(file, BOX));
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    try (EvaluationStore store = EvaluationStore.open(file, BOX)) {
      assertEquals(0, store.size());
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aRunKilledMidSampleResumesWithoutRepeatingASimulation() throws Exception {
    Path sim = Scripts.write(dir, "sphere.sh", Scripts.SPHERE);
    Path log = dir.resolve("sims.log");
    Path file = dir.resolve("runs.db");
    Path proxyFile = dir.resolve("p.nnproxy");
    int n = 200;
    ProcessBuilder first = worker("train", file.toString(), sim.toString(), "" + n, "5",
        proxyFile.toString());
    first.environment().put("NNPROXY_SIM_LOG", log.toString());
    Process p = first.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(log) < 60 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(p.isAlive(), "the first run ended before it could be killed");
    p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
    assertFalse(Files.exists(proxyFile));
    Thread.sleep(300); // let orphaned simulations end; they cannot deliver their value
    int killedAt = lines(log);
    assertTrue(killedAt < n, "killed at " + killedAt);
    Process second = first.start();
    assertEquals(0, second.waitFor());
    List<String> ran = Files.readAllLines(log);
    assertEquals(n, new HashSet<>(ran).size());
    // a simulation that delivered its value in the last moments before the kill, after nnproxy
    // read it but before the record was committed, runs again: at most one per process slot
    assertTrue(ran.size() - n <= 2, "simulations run twice: " + (ran.size() - n));
    ExternalModel direct = ExternalModel.builder(BOX, sim.toString()).build();
    Proxy uninterrupted = TRAINER.train(direct, Samplers.latinHypercube(), n, 5L);
    Proxy resumed = Proxy.load(proxyFile);
    double[][] probe = Samplers.uniform().sample(BOX, 50, 8L);
    assertArrayEquals(uninterrupted.evaluateAll(probe), resumed.evaluateAll(probe));
  }

  private static ProcessBuilder worker(String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreWorker.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  private static int lines(Path log) throws Exception {
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  private static double[] values(EvaluationOutcome[] os) {
    double[] ys = new double[os.length];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = os[i].value();
    }
    return ys;
  }
}
