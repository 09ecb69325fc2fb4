package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTextTest {

  @Test
  void replacesAnOptionInBothFormsAndQuotesForAShell() {
    CommandText c = CommandText.of(List.of("study", "--out", "my results", "--seeds", "1,2",
        "--out=x", "--no-resume", "--command", "it's"));
    String text = c.without("--out", true).without("--no-resume", false)
        .with("--out", "<new folder>").toString();
    assertTrue(text.endsWith(" study --seeds 1,2 --command 'it'\\''s' --out <new folder>"), text);
  }

  /** Under the Spark launcher the hints name the launcher, not {@code java -jar}. */
  @Test
  void aLauncherScriptIsTheProgram() {
    String before = System.getProperty(CommandText.LAUNCHER);
    try {
      System.setProperty(CommandText.LAUNCHER, "spark-proxy/bin/nnproxy-spark");
      assertTrue(CommandText.of(List.of("study", "--spark")).toString()
          .startsWith("spark-proxy/bin/nnproxy-spark study --spark"));
    } finally {
      if (before == null) {
        System.clearProperty(CommandText.LAUNCHER);
      } else {
        System.setProperty(CommandText.LAUNCHER, before);
      }
    }
    assertTrue(CommandText.program().equals("nnproxy") || CommandText.program().startsWith("java"),
        CommandText.program());
  }

  @Test
  void plainWordsStayUnquoted() {
    assertEquals("results/run-1", CommandText.quote("results/run-1"));
    assertEquals("'a b'", CommandText.quote("a b"));
    assertEquals("'$HOME'", CommandText.quote("$HOME"));
  }
}
