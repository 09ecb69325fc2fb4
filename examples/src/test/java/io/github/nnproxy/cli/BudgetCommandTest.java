package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCommandTest {

  private static String[] args(Path out) {
    return new String[] {"budget", "--functions", "sphere", "--dimensions", "2", "--budgets", "20",
        "--seeds", "2", "--optimizers", "pso", "--inner-pso", "10x10", "--ensemble", "2",
        "--threads", "1", "--no-plots", "--quiet", "--out", out.toString()};
  }

  @Test
  void tinyGridWritesEveryMethodWithinItsBudgetAndRepeatsItself(@TempDir Path dir)
      throws IOException {
    Path a = dir.resolve("a");
    Cli.Run run = Cli.run(args(a));
    assertEquals(0, run.exitCode(), run.err());
    for (String f : new String[] {"budget-runs.csv", "budget-timings.csv", "budget-summary.csv",
        "budget.md"}) {
      assertTrue(Files.isRegularFile(a.resolve(f)), f);
    }
    List<String> rows = Files.readAllLines(a.resolve("budget-runs.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int evaluations = header.indexOf("evaluations");
    int method = header.indexOf("method");
    assertTrue(rows.size() > 1, "no runs");
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      methods.add(c[method]);
      int used = Integer.parseInt(c[evaluations]);
      assertTrue(used >= 1 && used <= 40, "budget 40 exceeded: " + row);
    }
    assertTrue(methods.size() >= 4, "methods " + methods);

    Path b = dir.resolve("b");
    assertEquals(0, Cli.run(args(b)).exitCode());
    assertEquals(Files.readString(a.resolve("budget-runs.csv")),
        Files.readString(b.resolve("budget-runs.csv")), "same seeds, same runs");

    Cli.Run again = Cli.run(args(a)); // everything is on disk: resumes without running anything
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(String.join("\n", rows) + "\n", Files.readString(a.resolve("budget-runs.csv")));
  }

  @Test
  void theLoopsChoicesAreOptionsAndBadValuesAreNamed(@TempDir Path dir) throws IOException {
    String[] base = args(dir.resolve("first-scheme"));
    String[] first = java.util.stream.Stream.concat(java.util.Arrays.stream(base),
        java.util.stream.Stream.of("--acquisition", "mean", "--trust-radius", "0", "--batch",
            "merit", "--stop-on-convergence", "--warm-start", "5")).toArray(String[]::new);
    Cli.Run run = Cli.run(first);
    assertEquals(0, run.exitCode(), run.err());
    String config = Files.readString(dir.resolve("first-scheme").resolve("study-config.txt"));
    assertTrue(config.contains("acquisition MEAN") && config.contains("trust region off")
        && config.contains("batch SPREAD_AND_MERIT") && config.contains("stops on convergence")
        && config.contains("warm start 5 epochs"),
        config);
    String[][] bad = {{"--acquisition", "ucb"}, {"--batch", "random"}, {"--kappa", "-1"},
        {"--trust-radius", "1.5"}, {"--warm-start", "-3"}, {"--inner-ga", "10by5"}};
    for (String[] b : bad) {
      String[] a = java.util.stream.Stream.concat(java.util.Arrays.stream(args(dir.resolve("x"))),
          java.util.Arrays.stream(b)).toArray(String[]::new);
      Cli.Run r = Cli.run(a);
      assertTrue(r.exitCode() != 0, String.join(" ", b));
      assertTrue(r.err().contains(b[1]), "the message names " + b[1] + ": " + r.err());
    }
  }
}
