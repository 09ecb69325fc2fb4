package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "study --functions ackley,foo; 'foo'",
      "study --schemes dense,bar; 'bar'",
      "study --optimizers pso,nelder-mead; 'nelder-mead'",
      "study --seeds 1,2,1; repeats",
      "study --seeds many; 'many'",
      "study --trainer huge; 'huge'",
      "study --preset full; 'full'",
      "study --functions rosenbrock --dimensions 1; --dimensions must be at least 2 for rosenbrock",
      "study --dimensions 0; --dimensions must be at least 1, got 0",
      "study --base-size 10; --base-size must be at least 40, got 10",
      "study --optimizers pso,pso; --optimizers must not repeat",
      "study --threads 0; --threads must be at least 1, got 0",
      "train --function nope; 'nope'",
      "train --scheme nope; 'nope'",
      "train --samples 3; --samples must be at least 10, got 3",
      "train --threads 0; --threads must be at least 1, got 0",
      "train --dimension 0; --dimension must be at least 1, got 0",
      "train --function rosenbrock --dimension 1; --dimension must be at least 2 for rosenbrock",
      "train --command x --bounds 1:0; --bounds needs finite intervals",
      "train --command x --bounds 0:1 --timeout 5x; --timeout must be a duration",
      "train --command x --bounds 0:1 --protocol q; --protocol must be per-point or batch",
      "train --command x --bounds 0:1 --concurrency 0; --concurrency must be at least 1, got 0",
      "budget --dimensions 1; --dimensions must be at least 2, got 1",
      "budget --budgets 5; --budgets must be at least 10, got 5",
      "budget --ensemble 0; --ensemble must be at least 1, got 0",
      "budget --rounds 0; --rounds must be at least 1, got 0",
      "budget --initial-share 1.5; --initial-share must be between 0 and 1",
      "budget --threads 0; --threads must be at least 1, got 0",
      "budget --held-out foo; --held-out must name functions",
      "budget --optimizers pso,de; --optimizers must be pso and/or ga",
      "budget --local-model maybe; --local-model must be on or off, but was 'maybe'",
      "budget --perturb some; --perturb must be subsets or all, but was 'some'",
      "physics --samples 3; --samples must be at least 20, got 3",
      "train --spark; spark-proxy/bin/nnproxy-spark",
      "study --spark spark://127.0.0.1:7077; spark-proxy/bin/nnproxy-spark",
      "optimize --proxy x.nnproxy --optimizer nope; 'nope'",
      "optimize; --proxy",
      "frobnicate; frobnicate"})
  void badUsageIsOneLineWithExitCodeTwo(String args, String expected) {
    Cli.Run run = Cli.run(args.split(" "));
    assertEquals(2, run.exitCode(), run.err());
    assertOneLine(run.err(), expected);
  }

  @Test
  void missingProxyFileIsAUsageError(@TempDir Path dir) {
    Cli.Run run = Cli.run("optimize", "--proxy", dir.resolve("missing.nnproxy").toString());
    assertEquals(2, run.exitCode());
    assertOneLine(run.err(), "not found");
  }

  @Test
  void corruptProxyFileFailsWithExitCodeOne(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.nnproxy"), "not a proxy");
    Cli.Run run = Cli.run("optimize", "--proxy", bad.toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "bad.nnproxy");
  }

  @Test
  void outputUnderAFileFailsBeforeTrainingWithExitCodeOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Cli.Run run = Cli.run("train", "--trainer", "quick", "--samples", "40",
        "--out", file.resolve("p.nnproxy").toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "is a file, not a folder");
    assertFalse(run.out().contains("Training"), "trained first: " + run.out());
  }

  @Test
  void trainRefusesAFileThatIsNotAProxyUnlessForced(@TempDir Path dir) throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
    Cli.Run run = Cli.run("train", "--trainer", "quick", "--samples", "40",
        "--out", notes.toString());
    assertEquals(2, run.exitCode());
    assertOneLine(run.err(), "exists and is not a proxy file written by nnproxy train: use "
        + "--force");
    assertEquals("my notes", Files.readString(notes), "overwritten");

    Cli.Run forced = Cli.run("train", "--trainer", "quick", "--samples", "40", "--quiet",
        "--out", notes.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    Cli.Run again = Cli.run("train", "--trainer", "quick", "--samples", "40", "--quiet",
        "--out", notes.toString());
    assertEquals(0, again.exitCode(), "a proxy file is replaced without --force: " + again.err());
  }

  @Test
  void trainRefusesAMissingParentFolderBeforeTraining(@TempDir Path dir) {
    Cli.Run run = Cli.run("train", "--trainer", "quick", "--samples", "40",
        "--out", dir.resolve("typo/p.nnproxy").toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "parent folder does not exist");
    assertFalse(Files.exists(dir.resolve("typo")), "folder created");
    assertFalse(run.out().contains("Training"), "trained first: " + run.out());
  }

  @Test
  void trainRefusesAFolderAsItsOutput(@TempDir Path dir) {
    Cli.Run run = Cli.run("train", "--trainer", "quick", "--samples", "40",
        "--out", dir.toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "is a folder, not a file");
  }

  @Test
  void readOnlyOutputIsPermissionDenied(@TempDir Path dir) throws IOException {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    assumeTrue(ro.toFile().setWritable(false, false));
    try {
      assumeFalse(Files.isWritable(ro), "root writes anywhere");
      Cli.Run train = Cli.run("train", "--trainer", "quick", "--samples", "40",
          "--out", ro.resolve("p.nnproxy").toString());
      assertEquals(1, train.exitCode());
      assertOneLine(train.err(), "permission denied");
      Cli.Run study = Cli.run("study", "--out", ro.resolve("results").toString());
      assertEquals(1, study.exitCode());
      assertOneLine(study.err(), "permission denied");
      Cli.Run budget = Cli.run("budget", "--quick", "--out", ro.toString());
      assertEquals(1, budget.exitCode());
      assertOneLine(budget.err(), "permission denied");
    } finally {
      ro.toFile().setWritable(true, false);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"study", "budget"})
  void aFileAsTheOutputFolderIsNamedAsSuch(String command, @TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("results"), "x");
    Cli.Run run = Cli.run(command, "--out", file.toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "is a file, not a folder");
    assertFalse(run.err().contains("lock"), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"study", "budget"})
  void aMissingParentOfTheOutputFolderIsRefused(String command, @TempDir Path dir) {
    Cli.Run run = Cli.run(command, "--out", dir.resolve("typo/results").toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "parent folder does not exist");
    assertFalse(Files.exists(dir.resolve("typo")), "folder created");
  }

  @Test
  void aDirectoryAsTheProxyIsNamedAsSuch(@TempDir Path dir) {
    Cli.Run run = Cli.run("optimize", "--proxy", dir.toString());
    assertEquals(2, run.exitCode());
    assertOneLine(run.err(), "is a directory, expected a proxy file written by nnproxy train");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"study, runs.csv", "budget, budget-runs.csv"})
  void aRefusedFolderComesWithTheCommandForANewOne(String command, String file,
      @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(file), "function\n");
    Cli.Run run = Cli.run(command, "--seeds", "2", "--out", dir.toString(), "--no-plots");
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "To run this configuration in a new folder: ");
    assertTrue(run.err().strip().endsWith(" " + command + " --seeds 2 --no-plots --out <new "
        + "folder>"), run.err());
  }

  private static void assertOneLine(String err, String expected) {
    assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    assertEquals(1, err.strip().lines().count(), "not one line: " + err);
    assertFalse(err.contains("\tat "), "stack trace: " + err);
    assertFalse(err.contains("Exception"), "exception name shown: " + err);
  }
}
