package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainOptimizeTest {
  @TempDir
  static Path dir;
  static Path proxy;
  static Cli.Run trained;

  @BeforeAll
  static void train() {
    proxy = dir.resolve("sphere.nnproxy");
    trained = Cli.run("train", "--function", "sphere", "--dimension", "2", "--scheme", "lhs",
        "--trainer", "quick", "--samples", "300", "--seed", "7", "--out", proxy.toString());
  }

  @Test
  void trainSavesTheProxyAndPrintsItsQuality() {
    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(Files.isRegularFile(proxy));
    assertTrue(trained.out().contains("validation R2"), trained.out());
    assertTrue(trained.out().contains("seed 7"), trained.out());
  }

  /** Tests have no terminal: training reports plain epoch lines on standard error. */
  @Test
  void trainWithoutATerminalPrintsEpochLines(@TempDir Path tmp) {
    assertTrue(trained.err().contains("epoch 1/"), trained.err());
    assertTrue(trained.err().lines().filter(l -> l.startsWith("epoch ")).count() <= 12,
        trained.err());
    Cli.Run quiet = Cli.run("train", "--function", "sphere", "--dimension", "2", "--trainer",
        "quick", "--samples", "100", "--quiet", "--out", tmp.resolve("q.nnproxy").toString());
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertFalse(quiet.err().contains("epoch "), quiet.err());
  }

  @Test
  void optimizeJudgesThePointOnTheFunctionNamedInTheDescription() {
    Cli.Run run = Cli.run("optimize", "--proxy", proxy.toString(), "--optimizer", "ga",
        "--seed", "3");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("sphere(2-D)"), run.out());
    assertTrue(run.out().contains("Distance:"), run.out());
  }

  @Test
  void optimizeIsReproducible() {
    String[] args = {"optimize", "--proxy", proxy.toString(), "--optimizer", "ga-defaults",
        "--seed", "5", "--function", "sphere"};
    assertEquals(Cli.run(args).out(), Cli.run(args).out());
  }

  @Test
  void optimizeRejectsAFunctionOfAnotherDomain() {
    Cli.Run run = Cli.run("optimize", "--proxy", proxy.toString(), "--function", "ackley");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("domain"), run.err());
  }

  @Test
  void aWellFittedProxyHasNoWarning() {
    assertFalse(trained.out().contains("Warning"), trained.out());
  }

  @Test
  void anUntrustworthyProxyIsFlaggedByTrainAndByOptimize(@TempDir Path tmp) {
    Path poor = tmp.resolve("poor.nnproxy");
    Cli.Run train = Cli.run("train", "--function", "ackley", "--trainer", "quick", "--samples",
        "40", "--quiet", "--out", poor.toString());
    assertEquals(0, train.exitCode(), train.err());
    String warning = "explains little of the function (less than half of its variation on the "
        + "held-out points), so its optimum should not be trusted";
    assertTrue(train.out().contains("Warning: validation R2 "), train.out());
    assertTrue(train.out().contains(warning), train.out());

    Cli.Run optimize = Cli.run("optimize", "--proxy", poor.toString(), "--optimizer", "ga");
    assertEquals(0, optimize.exitCode(), optimize.err());
    assertTrue(optimize.out().contains(warning), optimize.out());
  }
}
