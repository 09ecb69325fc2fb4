package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        "| function | d | PSO |", "|---|---:|---:|", "| ackley | 2 | 0.1 ± 0.0 |", "",
        SummaryTable.EVERY_CELL, "", "| other |", "|---|", "| x |", ""));
    assertEquals(List.of(
        "| function |   d |       PSO |",
        "| -------- | --: | --------: |",
        "| ackley   |   2 | 0.1 ± 0.0 |"), SummaryTable.of(md));
  }

  @Test
  void fallsBackToEveryCellWithoutASeedColumn(@TempDir Path dir) throws IOException {
    Path md = Files.writeString(dir.resolve("summary.md"), String.join("\n",
        SummaryTable.EVERY_CELL, "| a | b |", "|---|---|", "| 1 | 2 |"));
    assertEquals(3, SummaryTable.of(md).size());
  }
}
