package io.github.nnproxy.examples;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.proxy.TrainingAlgorithm;
import io.github.nnproxy.proxy.TrainingEpoch;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time-to-accuracy curves of the training candidates behind {@link ProxyTrainer#defaults()}: the
 * validation R2 after every epoch against the wall time, for Encog's own trainers and nnproxy's
 * batched Adam, on one cell of the seed study. Writes {@code curves.csv}, {@code curves.png} and
 * prints the time each candidate needs to reach R2 0.95 to 0.99.
 *
 * <p>Usage: {@code TrainingCurves [function] [dimension] [scheme] [output folder] [candidate...]},
 * e.g. {@code TrainingCurves ackley 2 dense target/curves} (the defaults; all candidates).
 * Encog's Adam runs 60 epochs and the other candidates at most 250: enough to see where each
 * levels off, about ten minutes in all on 2 cores.
 */
public final class TrainingCurves {
  private static final double[] TARGETS = {0.95, 0.97, 0.98, 0.985, 0.99};

  private TrainingCurves() {}

  /** The candidates, by name, as derived from a base trainer. */
  static Map<String, ProxyTrainer> candidates(BenchmarkFunction f) {
    ProxyTrainer base = ProxyTrainer.builder().hiddenLayers(64, 64, 64, 64).patience(0)
        .epochs(250).build(); // 64x4, the default of the first BATCHED_ADAM trials
    Map<String, ProxyTrainer> c = new LinkedHashMap<>();
    c.put("encog-adam-b16", base.toBuilder().algorithm(TrainingAlgorithm.ADAM).batchSize(16)
        .learningRate(2e-3).epochs(60).build());
    c.put("encog-rprop", base.toBuilder().algorithm(TrainingAlgorithm.RPROP).build());
    c.put("batched-adam-seed-net", SeedRecipes.trainer(f).toBuilder()
        .algorithm(TrainingAlgorithm.BATCHED_ADAM).epochs(250).build());
    c.put("batched-adam-seed-net-b32", SeedRecipes.trainer(f).toBuilder()
        .algorithm(TrainingAlgorithm.BATCHED_ADAM).batchSize(32).learningRate(3e-3).epochs(250)
        .build());
    c.put("batched-adam-b16", base.toBuilder().algorithm(TrainingAlgorithm.BATCHED_ADAM)
        .batchSize(16).learningRate(2e-3).build());
    c.put("batched-adam-b32", base.toBuilder().algorithm(TrainingAlgorithm.BATCHED_ADAM)
        .batchSize(32).learningRate(3e-3).build());
    c.put("batched-adam-b32-2threads", base.toBuilder()
        .algorithm(TrainingAlgorithm.BATCHED_ADAM).batchSize(32).learningRate(3e-3).threads(2)
        .build());
    c.put("batched-adam-b64-2threads", base.toBuilder()
        .algorithm(TrainingAlgorithm.BATCHED_ADAM).batchSize(64).learningRate(4e-3).threads(2)
        .build());
    c.put("defaults", ProxyTrainer.defaults().toBuilder().patience(0).epochs(250).build());
    c.put("defaults-2threads", ProxyTrainer.defaults().toBuilder().patience(0).epochs(250)
        .threads(2).build());
    return c;
  }

  /**
   * Runs the candidates.
   *
   * @param args function, dimension, scheme, output folder and candidate names, all optional
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    String name = args.length > 0 ? args[0] : "ackley";
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    SamplingScheme scheme = SamplingScheme.parse(args.length > 2 ? args[2] : "dense");
    Path out = Path.of(args.length > 3 ? args[3] : "target/curves");
    BenchmarkFunction f = Benchmarks.byName(name, d);
    Map<String, ProxyTrainer> all = candidates(f);
    List<String> chosen = args.length > 4
        ? List.of(args).subList(4, args.length) : new ArrayList<>(all.keySet());
    Files.createDirectories(out);
    int n = scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE);
    double[][] xs = SeedRecipes.sampler(scheme, f).sample(f.domain(), n, 42L);
    double[] ys = f.evaluateAll(xs);
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Validation R2 against training time: " + f + ", " + scheme.label())
        .xAxisTitle("seconds").yAxisTitle("validation R2").build();
    chart.getStyler().setYAxisMin(0.9).setYAxisMax(1.0);
    try (Writer w = Files.newBufferedWriter(out.resolve("curves.csv"), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
            .setHeader("candidate", "epoch", "seconds", "validation_r2").get())) {
      System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s %10s%n", "seconds to R2 >=",
          "0.95", "0.97", "0.98", "0.985", "0.99", "best R2");
      for (String c : chosen) {
        ProxyTrainer t = all.get(c);
        if (t == null) {
          throw new IllegalArgumentException("unknown candidate '" + c + "'; known: "
              + all.keySet());
        }
        List<TrainingEpoch> curve = new ArrayList<>();
        t.toBuilder().seed(42L).progress(curve::add).build().fit(xs, ys, f.domain());
        List<Double> secs = new ArrayList<>();
        List<Double> r2s = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        double[] reached = new double[TARGETS.length];
        java.util.Arrays.fill(reached, Double.NaN);
        for (TrainingEpoch e : curve) {
          double s = e.elapsed().toNanos() / 1e9;
          csv.printRecord(c, e.epoch(), String.format(Locale.ROOT, "%.3f", s),
              String.format(Locale.ROOT, "%.5f", e.validationR2()));
          best = Math.max(best, e.validationR2());
          secs.add(s);
          r2s.add(best);
          for (int k = 0; k < TARGETS.length; k++) {
            if (Double.isNaN(reached[k]) && e.validationR2() >= TARGETS[k]) {
              reached[k] = s;
            }
          }
        }
        csv.flush();
        chart.addSeries(c, secs, r2s).setMarker(SeriesMarkers.NONE);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", c));
        for (double r : reached) {
          line.append(Double.isNaN(r) ? String.format(Locale.ROOT, " %8s", "-")
              : String.format(Locale.ROOT, " %8.1f", r));
        }
        line.append(String.format(Locale.ROOT, " %10.4f", best));
        System.out.println(line);
      }
    }
    BitmapEncoder.saveBitmap(chart, out.resolve("curves").toString(),
        BitmapEncoder.BitmapFormat.PNG);
    System.out.println("wrote " + out.resolve("curves.csv") + " and " + out.resolve("curves.png"));
  }
}
