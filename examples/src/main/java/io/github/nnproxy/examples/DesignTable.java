package io.github.nnproxy.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Puts two runs of the paper grid side by side, cell by cell, from the {@code summary.csv} files
 * the study wrote: typically the seed's ReLU networks ({@code --trainer paper}) and the new
 * {@code defaults()}. For each cell and for the PSO and GA columns: distance to x* and regret on
 * the truth, beside the seed's published distance; then, per column, how many cells end no
 * farther than the seed's figure and the mean distance. Prints Markdown.
 *
 * <pre>{@code
 * java -jar examples/target/nnproxy.jar study --preset paper --trainer paper --out grid-paper
 * java -jar examples/target/nnproxy.jar study --preset paper --out grid-defaults
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.DesignTable \
 *     "seed's ReLU networks" grid-paper/summary.csv "defaults()" grid-defaults/summary.csv
 * }</pre>
 */
public final class DesignTable {
  private DesignTable() {}

  private static final String[] COLUMNS = {"jmetal-pso-paper", "jenetics-ga-paper"};

  /** One row of summary.csv that matters here. */
  private record Cell(double distance, double regret, double r2) {}

  private static Map<String, Cell> read(Path csv) throws IOException {
    Map<String, Cell> m = new HashMap<>();
    try (Reader r = Files.newBufferedReader(csv)) {
      for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(r)) {
        if (!c.get("objective").equals("proxy")) {
          continue;
        }
        m.put(key(c.get("function"), c.get("dimension"), c.get("scheme"), c.get("optimizer")),
            new Cell(parse(c.get("distance_mean")), parse(c.get("regret_mean")),
                parse(c.get("validation_r2"))));
      }
    }
    return m;
  }

  private static double parse(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static String key(String f, String d, String scheme, String optimizer) {
    return f + "|" + d + "|" + scheme + "|" + optimizer;
  }

  /**
   * Prints the table.
   *
   * @param args a label and a summary.csv path, twice
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: DesignTable LABEL_A SUMMARY_A LABEL_B SUMMARY_B");
    }
    List<String> labels = List.of(args[0], args[2]);
    List<Map<String, Cell>> runs = List.of(read(Path.of(args[1])), read(Path.of(args[3])));
    Map<String, Double> seed = seedFigures();
    StringBuilder md = new StringBuilder();
    md.append("| function | d | scheme | R² ").append(labels.get(0)).append(" | R² ")
        .append(labels.get(1));
    for (String col : List.of("PSO", "GA")) {
      md.append(" | ").append(col).append(" seed | ").append(col).append(" ")
          .append(labels.get(0)).append(" (regret) | ").append(col).append(" ")
          .append(labels.get(1)).append(" (regret)");
    }
    md.append(" |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int[][] within = new int[2][2];
    double[][] sum = new double[2][2];
    int cells = 0;
    for (String f : List.of("ackley", "rastrigin", "rosenbrock")) {
      for (String d : List.of("2", "4", "10")) {
        for (String s : List.of("dense-uniform", "sparse-uniform", "gaussian")) {
          cells++;
          md.append("| ").append(f).append(" | ").append(d).append(" | ").append(s);
          for (Map<String, Cell> run : runs) {
            Cell c = run.get(key(f, d, s, COLUMNS[0]));
            md.append(" | ").append(c == null ? "–" : num(c.r2()));
          }
          for (int k = 0; k < 2; k++) {
            double fig = seed.getOrDefault(f + "|" + d + "|" + s + "|" + (k == 0 ? "PSO" : "GA"),
                Double.NaN);
            md.append(" | ").append(num(fig));
            for (int r = 0; r < 2; r++) {
              Cell c = runs.get(r).get(key(f, d, s, COLUMNS[k]));
              if (c == null) {
                md.append(" | –");
                continue;
              }
              boolean ok = c.distance() <= fig;
              within[r][k] += ok ? 1 : 0;
              sum[r][k] += c.distance();
              md.append(" | ").append(ok ? "**" : "").append(num(c.distance()))
                  .append(ok ? "**" : "").append(" (").append(num(c.regret())).append(')');
            }
          }
          md.append(" |\n");
        }
      }
    }
    md.append("\nBold: no farther from x* than the seed's published figure. Regret: the true "
        + "value at the point found minus the true minimum (our Rosenbrock is not divided by "
        + "1000 as the seed's was).\n\n");
    md.append("| trainer | PSO cells <= seed | PSO mean distance | GA cells <= seed "
        + "| GA mean distance |\n|---|---:|---:|---:|---:|\n");
    for (int r = 0; r < 2; r++) {
      md.append(String.format(Locale.ROOT, "| %s | %d of %d | %.3f | %d of %d | %.3f |%n",
          labels.get(r), within[r][0], cells, sum[r][0] / cells, within[r][1], cells,
          sum[r][1] / cells));
    }
    md.append(String.format(Locale.ROOT, "| the seed (published) | – | %.3f | – | %.3f |%n",
        mean(seed, "PSO"), mean(seed, "GA")));
    System.out.print(md);
  }

  private static double mean(Map<String, Double> seed, String col) {
    List<Double> v = new ArrayList<>();
    seed.forEach((k, x) -> {
      if (k.endsWith("|" + col)) {
        v.add(x);
      }
    });
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The seed's published means on the proxy, keyed {@code function|d|scheme|PSO or GA}. */
  static Map<String, Double> seedFigures() throws IOException {
    Map<String, Double> m = new HashMap<>();
    try (Reader r = new java.io.InputStreamReader(DesignTable.class.getResourceAsStream(
        "/io/github/nnproxy/study/seed-figures.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
      for (CSVRecord c : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
          .setSkipHeaderRecord(true).get().parse(r)) {
        if (c.get("objective").equals("proxy")) {
          m.put(c.get("function") + "|" + c.get("dimension") + "|" + c.get("scheme") + "|"
              + c.get("column"), Double.parseDouble(c.get("mean")));
        }
      }
    }
    return m;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
  }
}
