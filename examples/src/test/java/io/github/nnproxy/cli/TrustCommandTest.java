package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCommandTest {

  private static String[] args(Path out) {
    return new String[] {"trust", "--quick", "--functions", "sphere", "--seeds", "2",
        "--optimizers", "ga", "--threads", "1", "--quiet", "--out", out.toString()};
  }

  @Test
  void tinyGridWritesEveryMethodAndResumesToTheSameFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a");
    Cli.Run run = Cli.run(args(a));
    assertEquals(0, run.exitCode(), run.err());
    for (String f : new String[] {"trust.csv", "trust-timings.csv", "trust.md",
        "study-config.txt", "proxies/sphere-2d-sparse-uniform.nnproxy"}) {
      assertTrue(Files.isRegularFile(a.resolve(f)), f);
    }
    assertTrue(run.out().contains("jenetics-ga-paper: goal met in"), run.out());
    List<String> rows = Files.readAllLines(a.resolve("trust.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int method = header.indexOf("method");
    Set<String> methods = new TreeSet<>();
    for (String row : rows.subList(1, rows.size())) {
      methods.add(row.split(",", -1)[method]);
    }
    assertEquals(Set.of("a", "b", "c", "d"), methods);
    assertEquals(1 + 2 * 4, rows.size(), "2 seeds x 4 methods");

    Path b = dir.resolve("b");
    assertEquals(0, Cli.run(args(b)).exitCode());
    assertEquals(Files.readString(a.resolve("trust.csv")),
        Files.readString(b.resolve("trust.csv")), "same seeds, same runs");

    Cli.Run again = Cli.run(args(a)); // everything is on disk: resumes without running anything
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(String.join("\n", rows) + "\n", Files.readString(a.resolve("trust.csv")));

    String[] fresh = {"trust", "--quick", "--functions", "sphere", "--seeds", "2",
        "--optimizers", "ga", "--no-resume", "--quiet", "--out", a.toString()};
    Cli.Run refused = Cli.run(fresh);
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("resume is off"), refused.err());
  }

  @Test
  void rejectsAnUnknownOptimizerAsAParameterError(@TempDir Path dir) {
    Cli.Run run = Cli.run("trust", "--quick", "--optimizers", "nope", "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("optimizers must be pso or ga"), run.err());
  }
}
