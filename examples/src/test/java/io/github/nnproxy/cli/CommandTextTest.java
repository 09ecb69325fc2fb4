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

  @Test
  void plainWordsStayUnquoted() {
    assertEquals("results/run-1", CommandText.quote("results/run-1"));
    assertEquals("'a b'", CommandText.quote("a b"));
    assertEquals("'$HOME'", CommandText.quote("$HOME"));
  }
}
