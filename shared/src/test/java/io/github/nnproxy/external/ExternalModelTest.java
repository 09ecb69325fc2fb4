package io.github.nnproxy.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.external.ExternalModel.Protocol;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ExternalModelTest {
  private static final Domain BOX = Domain.cube(2, -1, 1);

  @TempDir
  Path dir;

  @Test
  void perPointProtocolAppendsCoordinatesAndReadsTheLastLine() {
    Path sim = Scripts.write(dir, "sphere.sh", Scripts.SPHERE);
    ExternalModel m = ExternalModel.builder(BOX, sim.toString()).concurrency(2).build();
    double[][] xs = Samplers.uniform().sample(BOX, 12, 3L);
    double[] ys = m.evaluateAll(xs);
    for (int i = 0; i < xs.length; i++) {
      assertEquals(Scripts.sphere(xs[i]), ys[i], 0.0, "point " + i);
    }
    assertEquals(Scripts.sphere(xs[0]), m.evaluate(xs[0]), 0.0);
    assertTrue(m.batched());
  }

  @Test
  void batchProtocolSendsCsvRowsAndReadsOneValuePerLine() {
    Path sim = Scripts.write(dir, "batch.sh", Scripts.SPHERE_BATCH);
    ExternalModel m = ExternalModel.builder(BOX, sim.toString()).protocol(Protocol.BATCH)
        .rowsPerProcess(7).concurrency(2).build();
    double[][] xs = Samplers.latinHypercube().sample(BOX, 30, 5L);
    double[] ys = m.evaluateAll(xs);
    for (int i = 0; i < xs.length; i++) {
      assertEquals(Scripts.sphere(xs[i]), ys[i], 0.0, "point " + i);
    }
    assertEquals(Scripts.sphere(xs[4]), m.evaluate(xs[4]), 0.0);
  }

  @Test
  void failuresAreOutcomesByKindWithTheProgramsStandardError() {
    Path sim = Scripts.write(dir, "moody.sh", """
        #!/bin/sh
        case "$1" in
          0.1) echo "mesh did not converge" >&2; exit 3 ;;
          0.2) echo "all is well, but no number" ;;
          0.3) echo nan ;;
          0.4) echo -inf ;;
          0.5) sleep 30 ;;
          *) echo "$1" ;;
        esac
        """);
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .timeout(Duration.ofMillis(800)).keptErrors(10).build();
    double[][] xs = {{0.1}, {0.2}, {0.3}, {0.4}, {0.5}, {0.75}};
    EvaluationOutcome[] os = m.evaluateOutcomes(xs);
    assertEquals(FailureKind.EXIT_STATUS, os[0].failure());
    assertTrue(os[0].detail().contains("status 3"), os[0].detail());
    assertTrue(os[0].detail().contains("mesh did not converge"), os[0].detail());
    assertEquals(FailureKind.GARBLED_OUTPUT, os[1].failure());
    assertTrue(os[1].detail().contains("all is well"), os[1].detail());
    assertEquals(FailureKind.NAN, os[2].failure());
    assertTrue(Double.isNaN(os[2].value()));
    assertEquals(FailureKind.INFINITE, os[3].failure());
    assertEquals(Double.NEGATIVE_INFINITY, os[3].value());
    assertEquals(FailureKind.TIMED_OUT, os[4].failure());
    assertEquals(0.75, os[5].value());
    EvaluationException e = assertThrows(EvaluationException.class, () -> m.evaluate(xs[0]));
    assertEquals(FailureKind.EXIT_STATUS, e.kind());
  }

  @Test
  void aTimedOutProgramIsKilledWithItsChildren() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    Path sim = Scripts.write(dir, "hang.sh", "#!/bin/sh\nsleep 60 &\necho $! > " + pidFile
        + "\nwait\n");
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .timeout(Duration.ofMillis(500)).build();
    EvaluationOutcome o = m.evaluateOutcomes(new double[][] {{0.5}})[0];
    assertEquals(FailureKind.TIMED_OUT, o.failure());
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "sleep still runs");
  }

  @Test
  void standardErrorIsKeptForTheFirstFailuresOnly() {
    Path sim = Scripts.write(dir, "fail.sh", "#!/bin/sh\necho broken >&2\nexit 1\n");
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .keptErrors(2).concurrency(1).build();
    EvaluationOutcome[] os = m.evaluateOutcomes(new double[][] {{0.1}, {0.2}, {0.3}});
    assertTrue(os[0].detail().contains("broken"));
    assertTrue(os[1].detail().contains("broken"));
    assertTrue(os[2].detail().contains("kept for the first 2 failures only"), os[2].detail());
  }

  @Test
  void batchWithTheWrongNumberOfLinesIsGarbled() {
    Path sim = Scripts.write(dir, "short.sh", "#!/bin/sh\nhead -n 1 | awk -F, '{print $1}'\n");
    ExternalModel m = ExternalModel.builder(BOX, sim.toString()).protocol(Protocol.BATCH).build();
    EvaluationOutcome[] os = m.evaluateOutcomes(new double[][] {{0.1, 0.2}, {0.3, 0.4}});
    assertEquals(FailureKind.GARBLED_OUTPUT, os[0].failure());
    assertTrue(os[0].detail().contains("printed 1 values for 2 rows"), os[0].detail());
    assertEquals(FailureKind.GARBLED_OUTPUT, os[1].failure());
  }

  @Test
  void nothingInAnArgumentIsInterpretedByAShell() {
    Path marker = dir.resolve("injected");
    Path sim = Scripts.write(dir, "echo-args.sh",
        "#!/bin/sh\nfor a in \"$@\"; do :; done\necho 1\n");
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString(),
        "; touch " + marker, "$(touch " + marker + ")").build();
    assertEquals(1.0, m.evaluate(new double[] {0.5}));
    assertTrue(Files.notExists(marker));
  }

  @Test
  void aDirectoryPerCallIsDeletedOnSuccessAndKeptOnFailure() throws Exception {
    Path sim = Scripts.write(dir, "scratch.sh", """
        #!/bin/sh
        pwd > where
        if [ "$1" = "0.9" ]; then exit 4; fi
        echo "$1"
        """);
    Path work = Files.createDirectory(dir.resolve("work"));
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .workingDirectory(work).directoryPerCall(true).build();
    EvaluationOutcome[] os = m.evaluateOutcomes(new double[][] {{0.25}, {0.9}});
    assertEquals(0.25, os[0].value());
    assertEquals(FailureKind.EXIT_STATUS, os[1].failure());
    List<Path> left;
    try (Stream<Path> s = Files.list(work)) {
      left = s.toList();
    }
    assertEquals(1, left.size(), left.toString());
    assertTrue(os[1].detail().contains(left.get(0).toString()), os[1].detail());
    assertEquals(left.get(0).toRealPath().toString(),
        Files.readString(left.get(0).resolve("where")).strip());
  }

  @Test
  void environmentVariablesReachTheProgram() {
    Path sim = Scripts.write(dir, "env.sh", "#!/bin/sh\necho \"$SCALE\"\n");
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .environment("SCALE", "2.5").build();
    assertEquals(2.5, m.evaluate(new double[] {0.5}));
  }

  @Test
  void atMostConcurrencyProcessesRunAtOnce() throws Exception {
    Path running = Files.createDirectory(dir.resolve("running"));
    Path peak = dir.resolve("peak");
    Path sim = Scripts.write(dir, "count.sh", """
        #!/bin/sh
        touch "$RUNNING/$$"
        ls "$RUNNING" | wc -l >> "$PEAK"
        sleep 0.2
        rm "$RUNNING/$$"
        echo 1
        """);
    ExternalModel m = ExternalModel.builder(Domain.cube(1, 0, 1), sim.toString())
        .concurrency(2).environment("RUNNING", running.toString())
        .environment("PEAK", peak.toString()).build();
    double[][] xs = new double[8][];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = new double[] {i / 10.0};
    }
    Set<Integer> heard = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();
    m.evaluateOutcomes(xs, (i, o, took) -> {
      heard.add(i);
      calls.incrementAndGet();
      assertTrue(took.toMillis() >= 150, took.toString());
    });
    assertEquals(8, heard.size());
    assertEquals(8, calls.get());
    int max = Files.readAllLines(peak).stream().mapToInt(l -> Integer.parseInt(l.strip()))
        .max().orElseThrow();
    assertTrue(max <= 2, "peak " + max);
  }

  @Test
  void theTrainerDrivesAnExternalModelLikeAnyOther() {
    Path sim = Scripts.write(dir, "sphere.sh", Scripts.SPHERE);
    ExternalModel m = ExternalModel.builder(BOX, sim.toString()).build();
    ProxyTrainer t = ProxyTrainer.builder().hiddenLayers(8).epochs(5).build();
    Proxy fromProgram = t.train(m, Samplers.latinHypercube(), 40, 1L);
    Proxy fromJava = t.train(io.github.nnproxy.ForwardModel.of(BOX, Scripts::sphere),
        Samplers.latinHypercube(), 40, 1L);
    double[][] probe = Samplers.uniform().sample(BOX, 20, 9L);
    assertArrayEquals(fromJava.evaluateAll(probe), fromProgram.evaluateAll(probe));
  }

  @Test
  void builderChecksTheProgramAndValuesAndRoundTrips() throws Exception {
    Path sim = Scripts.write(dir, "sphere.sh", Scripts.SPHERE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExternalModel.builder(BOX, "no-such-program-here").build());
    assertTrue(e.getMessage().contains("no-such-program-here"), e.getMessage());
    Path plain = dir.resolve("plain.sh");
    Files.writeString(plain, "echo 1\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> ExternalModel.builder(BOX, plain.toString()).build());
    assertTrue(e.getMessage().contains("not executable"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExternalModel.builder(BOX, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ExternalModel.builder(BOX, sim.toString()).concurrency(0));
    assertThrows(IllegalArgumentException.class,
        () -> ExternalModel.builder(BOX, sim.toString()).timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> ExternalModel.builder(BOX, sim.toString()).environment("A=B", "x"));
    ExternalModel m = ExternalModel.builder(BOX, sim.toString()).timeout(Duration.ofSeconds(9))
        .environment("K", "v").rowsPerProcess(3).build();
    assertEquals(m, m.toBuilder().build());
    assertNotEquals(m, m.toBuilder().concurrency(m.concurrency() + 1).build());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(m);
    }
    ExternalModel back;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ExternalModel) in.readObject();
    }
    assertEquals(m, back);
    assertEquals(0.5, back.evaluate(new double[] {0.5, 0.5}), 0.0);
  }

  @Test
  void valuesAreDecimalNumbersOrNanAndInfinities() {
    assertEquals(-0.002, ValueParser.parse("  -2e-3 ").value());
    assertEquals(5.0, ValueParser.parse("5").value());
    assertEquals(0.5, ValueParser.parse(".5").value());
    assertEquals(FailureKind.NAN, ValueParser.parse("NaN").failure());
    assertEquals(FailureKind.INFINITE, ValueParser.parse("Infinity").failure());
    assertEquals(FailureKind.INFINITE, ValueParser.parse("1e999").failure());
    assertNull(ValueParser.parse("1.5d"));
    assertNull(ValueParser.parse("0x1p3"));
    assertNull(ValueParser.parse("value: 3"));
    assertNull(ValueParser.parse(""));
  }
}
