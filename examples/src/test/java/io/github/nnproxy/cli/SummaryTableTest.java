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

class SummaryTableTest {

  @Test
  void takesTheSeedLayoutTableAndAlignsItsColumns(@TempDir Path dir) throws IOException {
    Path md = Files.writeString(dir.resolve("summary.md"), String.join("\n",
        "# Stability study", "", SummaryTable.SEED_LAYOUT, "",
        "| function | d | PSO paper |", "|---|---:|---:|", "| ackley | 2 | 0.1 ± 0.0 |", "",
        SummaryTable.EVERY_CELL, "", "| other |", "|---|", "| x |", ""));
    assertEquals(List.of(
        "| function |   d | PSO paper |",
        "| -------- | --: | --------: |",
        "| ackley   |   2 | 0.1 ± 0.0 |"), SummaryTable.of(md));
  }

  @Test
  void fallsBackToEveryCellWithoutASeedColumn(@TempDir Path dir) throws IOException {
    Path md = Files.writeString(dir.resolve("summary.md"), String.join("\n",
        SummaryTable.EVERY_CELL, "| a | b |", "|---|---|", "| 1 | 2 |"));
    assertEquals(3, SummaryTable.of(md).size());
  }

  @Test
  void legendSaysWhatTheNumbersAreAndWhatSummaryMdAdds(@TempDir Path dir) throws IOException {
    Path md = Files.writeString(dir.resolve("summary.md"), String.join("\n",
        SummaryTable.SEED_LAYOUT, "| PSO paper |", "|---:|", "| 0.1 ± 0.0 |"));
    List<String> legend = SummaryTable.legend(md, 1, List.of("jmetal-spso2011"));
    assertEquals(2, legend.size());
    assertTrue(legend.get(0).contains("distance from the optimizer's answer to the true "
        + "minimizer, mean ± std over the 1 random seed;"), legend.get(0));
    assertTrue(legend.get(0).contains("\"paper\": the seed study's published figure"),
        legend.get(0));
    assertTrue(legend.get(1).contains("the optimizers beyond PSO and GA (jmetal-spso2011)"),
        legend.get(1));
    assertTrue(legend.get(1).endsWith("all are in " + md + "."), legend.get(1));
    assertFalse(SummaryTable.legend(md, 5, List.of()).get(1).contains("beyond"));
  }

  @Test
  void legendOfTheEveryCellTableSaysThereIsNoPublishedFigure(@TempDir Path dir)
      throws IOException {
    Path md = Files.writeString(dir.resolve("summary.md"), String.join("\n",
        SummaryTable.EVERY_CELL, "| a |", "|---|", "| 1 |"));
    List<String> legend = SummaryTable.legend(md, 3, List.of("jenetics-ga-defaults"));
    assertEquals(2, legend.size());
    assertTrue(legend.get(0).contains("over the 3 random seeds"), legend.get(0));
    assertTrue(legend.get(1).contains("no published figure"), legend.get(1));
  }
}
