package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      "study --functions rosenbrock --dimensions 1; d must be >= 2",
      "study --optimizers pso,pso; must not repeat",
      "study --threads 0; threads must be > 0",
      "train --function nope; 'nope'",
      "train --scheme nope; 'nope'",
      "train --samples 3; samples must be >= 10",
      "train --threads 0; threads must be > 0",
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
  void unwritableOutputFailsWithExitCodeOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Cli.Run run = Cli.run("train", "--trainer", "quick", "--samples", "40",
        "--out", file.resolve("sub/p.nnproxy").toString());
    assertEquals(1, run.exitCode());
    assertOneLine(run.err(), "error");
  }

  private static void assertOneLine(String err, String expected) {
    assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    assertEquals(1, err.strip().lines().count(), "not one line: " + err);
    assertFalse(err.contains("\tat "), "stack trace: " + err);
    assertFalse(err.contains("Exception"), "exception name shown: " + err);
  }
}
