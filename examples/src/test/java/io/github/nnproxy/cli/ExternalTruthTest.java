package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} and {@code optimize} with an external program, a store and logged data. */
class ExternalTruthTest {
  /** Rows of the warm-start test; the published check runs it with 10000. */
  private static final int WARM_ROWS = Integer.getInteger("nnproxy.warmStartRows", 2000);

  @TempDir
  Path dir;

  private Path script() throws IOException {
    Path p = dir.resolve("bowl.sh");
    Files.writeString(p, """
        #!/bin/sh
        awk 'BEGIN { s = 0; for (i = 1; i < ARGC; i++) s += (ARGV[i] - 0.3) ^ 2; printf "%.17g\\n", s }' "$@"
        echo "$*" >> "$SIMS"
        """);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void trainWithACommandAndAStoreResumesWithoutSimulatingAgain() throws Exception {
    Path sim = script();
    Path store = dir.resolve("sim.db");
    Path log = dir.resolve("sims.log");
    // the program finds its log through the environment the CLI passes on
    String cmd = "env SIMS=" + log + " " + sim;
    String[] args = {"train", "--command", cmd, "--bounds", "-1:1, -1:1", "--samples", "120",
        "--scheme", "lhs", "--trainer", "quick", "--seed", "3", "--store", store.toString(),
        "--out", dir.resolve("a.nnproxy").toString(), "--quiet"};
    Cli.Run first = Cli.run(args);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("120 of the 120 evaluations simulated now"), first.out());
    assertEquals(120, Files.readAllLines(log).size());
    args[args.length - 2] = dir.resolve("b.nnproxy").toString();
    Cli.Run second = Cli.run(args);
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().contains("0 of the 120 evaluations simulated now, 120 answered"),
        second.out());
    assertEquals(120, Files.readAllLines(log).size());
    Proxy a = Proxy.load(dir.resolve("a.nnproxy"));
    Proxy b = Proxy.load(dir.resolve("b.nnproxy"));
    double[][] probe = Samplers.uniform().sample(a.domain(), 20, 1L);
    assertArrayEquals(a.evaluateAll(probe), b.evaluateAll(probe));

    Cli.Run opt = Cli.run("optimize", "--proxy", dir.resolve("a.nnproxy").toString(),
        "--command", cmd, "--store", store.toString());
    assertEquals(0, opt.exitCode(), opt.err());
    assertTrue(opt.out().contains("Truth:     ExternalModel["), opt.out());
    assertEquals(121, Files.readAllLines(log).size());
  }

  /**
   * A program that fails until a file exists: its failures are recorded and replayed, until
   * {@code --retry-failures} runs them again.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void retryFailuresRunsTheRecordedFailuresAgain() throws Exception {
    Path sim = dir.resolve("flaky.sh");
    Path fixed = dir.resolve("fixed");
    Files.writeString(sim, """
        #!/bin/sh
        [ -f "$FIXED" ] || exit 3
        awk 'BEGIN { s = 0; for (i = 1; i < ARGC; i++) s += ARGV[i] ^ 2; printf "%.17g\\n", s }' "$@"
        """);
    Files.setPosixFilePermissions(sim, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path store = dir.resolve("flaky.db");
    String cmd = "env FIXED=" + fixed + " " + sim;
    String[] args = {"train", "--command", cmd, "--bounds", "-1:1, -1:1", "--samples", "40",
        "--scheme", "lhs", "--trainer", "quick", "--store", store.toString(), "--quiet",
        "--out", dir.resolve("f.nnproxy").toString(), "--force"};
    Cli.Run broken = Cli.run(args);
    assertTrue(broken.exitCode() != 0, broken.out());
    Files.writeString(fixed, "");
    Cli.Run replayed = Cli.run(args);
    assertTrue(replayed.exitCode() != 0, "recorded failures are replayed: " + replayed.out());
    String[] retry = java.util.Arrays.copyOf(args, args.length + 1);
    retry[args.length] = "--retry-failures";
    Cli.Run retried = Cli.run(retry);
    assertEquals(0, retried.exitCode(), retried.err());
    assertTrue(retried.out().contains("40 of the 40 evaluations simulated now"), retried.out());
    Cli.Run alone = Cli.run("train", "--command", cmd, "--bounds", "-1:1, -1:1",
        "--retry-failures");
    assertEquals(2, alone.exitCode());
    assertTrue(alone.err().contains("--retry-failures retries the failures recorded in --store"),
        alone.err());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void commandsNeedBoundsAndOneTruth() throws Exception {
    Path sim = script();
    Cli.Run run = Cli.run("train", "--command", sim.toString(), "--samples", "20");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--bounds"), run.err());
    run = Cli.run("train", "--command", sim.toString(), "--function", "sphere");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("give one"), run.err());
    run = Cli.run("train", "--command", "no-such-solver --fast", "--bounds", "0:1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no-such-solver"), run.err());
    run = Cli.run("train", "--command", sim.toString(), "--bounds", "0:1,2");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("LO:HI"), run.err());
    run = Cli.run("train", "--command", sim.toString(), "--bounds", "0:1", "--scheme",
        "gaussian");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("gaussian"), run.err());
  }

  @Test
  void trainFromDataIsBitForBitTheFitOfTheSameArrays() throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    Path csv = dir.resolve("logged.csv");
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    StringBuilder text = new StringBuilder("run,pressure,temperature,yield\n");
    int skipped = 0;
    for (int i = 0; i < WARM_ROWS; i++) {
      double p = r.nextDouble(1, 5);
      double t = r.nextDouble(300, 400);
      double y = Math.sin(p) * (t - 350) / 50 + p * p / 10;
      String value = Double.toString(y);
      if (i % 97 == 5) {
        value = "";
        skipped++;
      } else if (i % 101 == 7) {
        value = "nan";
        skipped++;
      } else {
        xs.add(new double[] {p, t});
        ys.add(y);
      }
      text.append(String.format(Locale.ROOT, "r%d,%s,%s,%s%n", i, p, t, value));
    }
    Files.writeString(csv, text);
    Path out = dir.resolve("warm.nnproxy");
    Cli.Run run = Cli.run("train", "--data", csv.toString(), "--inputs", "pressure,temperature",
        "--value", "yield", "--trainer", "quick", "--seed", "4", "--out", out.toString(),
        "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(WARM_ROWS - skipped + " usable, " + skipped + " skipped"),
        run.out());
    double[][] x = xs.toArray(double[][]::new);
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    Domain range = io.github.nnproxy.store.LoggedEvaluations.readCsv(csv,
        List.of("pressure", "temperature"), "yield").range();
    Proxy direct = TrainerPreset.quick().toBuilder().seed(4).build().fit(x, y, range);
    Proxy warm = Proxy.load(out);
    assertEquals(range, warm.domain());
    assertArrayEquals(direct.toEncogNetwork().getFlat().getWeights(),
        warm.toEncogNetwork().getFlat().getWeights());
    double[][] probe = Samplers.uniform().sample(range, 50, 2L);
    assertArrayEquals(direct.evaluateAll(probe), warm.evaluateAll(probe));
  }

  @Test
  void dataNamesItsColumnsAndRefusesSamplingOptions() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "a,b,y\n1,2,3\n");
    Cli.Run run = Cli.run("train", "--data", csv.toString(), "--inputs", "a,c", "--value", "y");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no input column 'c'") && run.err().contains("[a, b, y]"),
        run.err());
    run = Cli.run("train", "--data", csv.toString(), "--function", "ackley");
    assertEquals(2, run.exitCode());
    run = Cli.run("train", "--data", csv.toString(), "--samples", "100");
    assertEquals(2, run.exitCode());
    run = Cli.run("train", "--data", dir.resolve("missing.csv").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("not found"), run.err());
  }

  @Test
  void commandWordsSplitOnceAsAShellWouldWithoutExpanding() {
    assertEquals(List.of("python3", "my sim.py", "--mesh", "fine"),
        CommandWords.split("python3 'my sim.py' --mesh fine"));
    assertEquals(List.of("a b", "$HOME", "*", "|", "x\"y"),
        CommandWords.split("\"a b\" $HOME * | x\\\"y"));
    assertEquals(List.of("it's"), CommandWords.split("\"it's\""));
    assertEquals(List.of("", "z"), CommandWords.split("'' z"));
    assertThrows(IllegalArgumentException.class, () -> CommandWords.split("'open"));
    assertThrows(IllegalArgumentException.class, () -> CommandWords.split("   "));
  }
}
