package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a real study in another JVM as Ctrl-C would, with a signal once its first cell is done.
 * SIGTERM is sent rather than SIGINT because a process started in the background may inherit an
 * ignored SIGINT; both run the same shutdown hook (SIGINT exits with 130, SIGTERM with 143).
 */
class InterruptTest {

  @Test
  void aStoppedStudySaysWhatIsSavedAndHowToResume(@TempDir Path dir) throws Exception {
    assumeFalse(System.getProperty("os.name").startsWith("Windows"), "POSIX signals");
    Path out = dir.resolve("results");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "study", "--functions", "ackley,sphere,rastrigin", "--seeds", "2", "--optimizers", "ga",
        "--trainer", "quick", "--base-size", "3000", "--threads", "1", "--no-plots",
        "--no-resume", "--out", out.toString()));
    // to a file: Process.destroy() closes the pipes, and the notice comes after it
    Path log = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(log).contains(": 2/2 runs")) {
        assertTrue(p.isAlive() && System.nanoTime() < deadline, "no cell finished: "
            + Files.readString(log));
        Thread.sleep(50);
      }
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");
    } finally {
      p.destroyForcibly();
    }
    List<String> all = Files.readAllLines(log);
    assertEquals(143, p.exitValue());
    String notice = all.stream().filter(l -> l.startsWith("nnproxy study: interrupted;"))
        .findFirst().orElseThrow(() -> new AssertionError("no notice in " + all));
    Matcher m = Pattern.compile("interrupted; (\\d+) runs? of 24 saved in (.+)\\. Resume with "
        + "the same command \\(resume is the default\\): (.+)$").matcher(notice);
    assertTrue(m.find(), notice);
    assertTrue(Integer.parseInt(m.group(1)) >= 2, notice);
    assertEquals(out.toAbsolutePath().normalize().toString(), m.group(2));
    assertTrue(m.group(3).endsWith(" study --functions ackley,sphere,rastrigin --seeds 2 "
        + "--optimizers ga --trainer quick --base-size 3000 --threads 1 --no-plots --out "
        + CommandText.quote(out.toString())), notice);
  }
}
