package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {

  @Test
  void tinyStudyWritesItsFilesAndPrintsTheSummaryTable(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("results");
    Cli.Run run = Cli.run("study", "--functions", "sphere", "--dimensions", "2", "--schemes",
        "sparse", "--seeds", "2", "--optimizers", "ga,ga-defaults", "--trainer", "quick",
        "--base-size", "200", "--threads", "1", "--no-plots", "--quiet", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    for (String f : new String[] {"runs.csv", "summary.csv", "summary.md", "proxies.csv"}) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertEquals(1 + 2 * 2 * 2, Files.readAllLines(out.resolve("runs.csv")).size());
    assertTrue(run.out().contains("| sphere"), run.out());
    assertTrue(run.out().contains("GA proxy"), run.out());
    assertTrue(run.out().contains("GA paper"), run.out());
    assertFalse(run.out().contains(" seed |"), run.out());
    assertTrue(run.out().contains("Each number: distance from the optimizer's answer to the true "
        + "minimizer, mean ± std over the 2 random seeds"), run.out());
    assertTrue(run.out().contains("\"paper\": the seed study's published figure"), run.out());
    assertTrue(run.out().contains("Not shown here: the optimizers beyond PSO and GA "
        + "(jenetics-ga-defaults)"), run.out());
    assertTrue(run.out().contains("summary.md"), run.out());
    assertTrue(run.out().contains("1 proxy, 8 runs in"), run.out());
    assertTrue(run.out().contains("x 2 seeds"), run.out());
    assertTrue(run.out().contains("1 thread,"), run.out());
    assertTrue(Files.readString(out.resolve("summary.md")).contains("| GA paper |"));
    assertTrue(run.err().isEmpty(), run.err());
  }

  @Test
  void withoutASeedColumnPrintsEveryCell(@TempDir Path dir) {
    Cli.Run run = Cli.run("study", "--functions", "sphere", "--dimensions", "2", "--schemes",
        "dense", "--seeds", "1", "--optimizers", "ga-defaults", "--trainer", "quick",
        "--base-size", "100", "--no-plots", "--quiet", "--out", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("jenetics-ga-defaults"), run.out());
  }

  @Test
  void sameCommandResumesAndAChangedOneIsRefusedInOneLine(@TempDir Path dir) throws IOException {
    String[] args = {"study", "--functions", "sphere", "--dimensions", "2", "--schemes",
        "sparse", "--seeds", "2", "--optimizers", "ga", "--trainer", "quick", "--base-size", "100",
        "--threads", "1", "--no-plots", "--quiet", "--out", dir.toString()};
    assertEquals(0, Cli.run(args).exitCode());
    byte[] runs = Files.readAllBytes(dir.resolve("runs.csv"));

    Cli.Run again = Cli.run(args);
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(new String(runs), Files.readString(dir.resolve("runs.csv")));

    String[] changed = args.clone();
    changed[8] = "3"; // --seeds 3
    Cli.Run refused = Cli.run(changed);
    assertEquals(1, refused.exitCode());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());
    assertTrue(refused.err().contains("seeds"), refused.err());
    assertTrue(refused.err().contains("To run this configuration in a new folder: "),
        refused.err());
    assertTrue(refused.err().contains(" study --functions sphere --dimensions 2 --schemes sparse "
        + "--seeds 3 "), refused.err());
    assertTrue(refused.err().strip().endsWith("--quiet --out <new folder>"), refused.err());

    String[] fresh = java.util.Arrays.copyOf(args, args.length + 1);
    fresh[args.length] = "--no-resume";
    Cli.Run noResume = Cli.run(fresh);
    assertEquals(1, noResume.exitCode());
    assertEquals(1, noResume.err().strip().lines().count(), noResume.err());
    assertTrue(noResume.err().contains("To resume it: "), noResume.err());
    String resume = noResume.err().substring(noResume.err().indexOf("To resume it: "));
    assertFalse(resume.substring(0, resume.indexOf(';')).contains("--no-resume"), resume);
  }

  @Test
  void withoutATerminalPrintsOnePlainLinePerFinishedCell(@TempDir Path dir) {
    Cli.Run run = Cli.run("study", "--functions", "sphere", "--dimensions", "2", "--schemes",
        "sparse,dense", "--seeds", "1", "--optimizers", "ga", "--trainer", "quick",
        "--base-size", "100", "--threads", "1", "--no-plots", "--out", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(3, lines.size(), run.err());
    for (String cell : new String[] {"sphere 2-D truth", "sphere 2-D sparse-uniform",
        "sphere 2-D dense-uniform"}) {
      assertTrue(lines.stream().anyMatch(l -> l.matches(cell + ": 1/1 run \\([123]/3 in all\\), "
          + "\\d+ s")), cell + " in " + lines);
    }
    assertFalse(run.err().contains("\r") || run.err().contains("\u001b"), "escapes: " + run.err());
  }
}
