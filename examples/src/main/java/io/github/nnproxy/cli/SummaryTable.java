package io.github.nnproxy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the main table out of a study's {@code summary.md} (the seed-layout table, or the table
 * of every cell when no optimizer fills a seed column) and aligns its columns for a terminal; the
 * result is still a Markdown table. {@link #legend} gives the two lines printed under it, so that
 * a reader who sees the table first learns what its numbers are and where the rest is.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * SummaryTable.of(result.summaryMarkdown()).forEach(System.out::println);
 * SummaryTable.legend(result.summaryMarkdown(), 5, List.of("spso2011"))
 *     .forEach(System.out::println);
 * }</pre>
 */
public final class SummaryTable {
  /** The heading of the seed-layout table in {@code summary.md}. */
  static final String SEED_LAYOUT = "## Distance to the optimum, in the seed's layout";
  /** The heading of the table of every cell in {@code summary.md}. */
  static final String EVERY_CELL = "## Every cell";

  private SummaryTable() {}

  /**
   * Reads the main table of a {@code summary.md}.
   *
   * @param summaryMarkdown the file
   * @return the table's lines, aligned; empty if the file has no table
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> of(Path summaryMarkdown) {
    List<String> lines;
    try {
      lines = Files.readAllLines(summaryMarkdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summaryMarkdown, e);
    }
    List<String> table = section(lines, SEED_LAYOUT);
    return align(table.isEmpty() ? section(lines, EVERY_CELL) : table);
  }

  /**
   * Returns the two lines that explain the table {@link #of} takes from a {@code summary.md}: what
   * its numbers are, and what the file holds that the table leaves out.
   *
   * @param summaryMarkdown the file
   * @param seeds the number of optimizer seeds the means are taken over
   * @param otherOptimizers the labels of the optimizers that fill neither the PSO nor the GA
   *     column, so that only {@code summary.md} shows them
   * @return two lines
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> legend(Path summaryMarkdown, int seeds,
      List<String> otherOptimizers) {
    List<String> lines;
    try {
      lines = Files.readAllLines(summaryMarkdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summaryMarkdown, e);
    }
    String over = "mean ± std over the " + Counts.of(seeds, "random seed", "random seeds");
    String file = summaryMarkdown.toString();
    if (section(lines, SEED_LAYOUT).isEmpty()) {
      return List.of("distance: from the optimizer's answer to the true minimizer; regret: the "
              + "true value there minus the true minimum; both " + over + ".",
          "No optimizer fills the seed study's PSO or GA column, so there is no published figure "
              + "to compare with; " + file + " adds a commentary per cell.");
    }
    String others = otherOptimizers.isEmpty() ? ""
        : "the optimizers beyond PSO and GA (" + String.join(", ", otherOptimizers) + "), ";
    return List.of("Each number: distance from the optimizer's answer to the true minimizer, "
            + over + "; \"proxy\": the optimizer minimized the proxy, \"truth\": the true "
            + "function, \"paper\": the seed study's published figure (arXiv 2301.07102).",
        "Not shown here: " + others + "the regret, proxy-error and in-domain columns and the "
            + "commentary per cell; all are in " + file + ".");
  }

  /** Returns the table rows (lines starting with '|') under a heading, up to the next heading. */
  static List<String> section(List<String> lines, String heading) {
    List<String> rows = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        in = line.equals(heading);
      } else if (in && line.startsWith("|")) {
        rows.add(line);
      }
    }
    return rows;
  }

  /** Pads every cell of a Markdown table to its column's width. */
  static List<String> align(List<String> rows) {
    List<String[]> cells = new ArrayList<>();
    int columns = 0;
    for (String row : rows) {
      String inner = row.strip();
      inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
      String[] c = inner.split("\\|", -1);
      for (int i = 0; i < c.length; i++) {
        c[i] = c[i].strip();
      }
      cells.add(c);
      columns = Math.max(columns, c.length);
    }
    int[] width = new int[columns];
    boolean[] right = new boolean[columns];
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        if (c[i].matches(":?-+:?")) {
          right[i] = c[i].endsWith(":");
        } else {
          width[i] = Math.max(width[i], c[i].length());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] c : cells) {
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < c.length; i++) {
        sb.append(' ').append(cell(c[i], Math.max(3, width[i]), right[i])).append(" |");
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String cell(String text, int width, boolean right) {
    if (text.matches(":?-+:?")) {
      return "-".repeat(width - (right ? 1 : 0)) + (right ? ":" : "");
    }
    String pad = " ".repeat(width - text.length());
    return right ? pad + text : text + pad;
  }
}
