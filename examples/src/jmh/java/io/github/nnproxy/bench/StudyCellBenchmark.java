package io.github.nnproxy.bench;

import io.github.nnproxy.cli.TrainerPreset;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cell of the stability study, end to end: sample 2-D Ackley (dense uniform, 10,000 points),
 * train one proxy, run the seed's PSO ({@code JmetalPsoOptimizer.paper()}) and GA ({@code
 * JeneticsOptimizer.paper()}) 10 times each on the proxy and on the truth, judge every run on the
 * truth, and write {@code runs.csv}, the summaries and the plots to a fresh temporary folder, as
 * {@code nnproxy study} does.
 *
 * <p>Each invocation gets a new, empty folder (a study resumes from a folder that already holds
 * its results, which would make every invocation after the first one nearly free). After each
 * invocation the phases are printed from the study's own files: training time from {@code
 * proxies.csv}, summed run wall times per optimizer and objective from {@code timings.csv}.
 *
 * <p>Run (one documented command; about 2 to 3 minutes per invocation with the default trainer
 * on 2 idle cores):
 *
 * <pre>
 * java -cp examples/target/nnproxy.jar org.openjdk.jmh.Main StudyCell
 * </pre>
 *
 * Add {@code -p trainer=quick} for the quick preset's small trainer (64-64), {@code -p threads=1}
 * for a single-threaded study.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
public class StudyCellBenchmark {

  /** The trainer preset of the CLI: {@code defaults}, {@code quick} or {@code paper}. */
  @Param({"defaults"})
  String trainer;

  /** The study's worker threads. */
  @Param({"2"})
  int threads;

  /** The base sample size (the dense scheme samples all of it). */
  @Param({"10000"})
  int baseSize;

  Path folder;
  StudyResult result;

  /** Makes a fresh output folder. */
  @Setup(Level.Invocation)
  public void freshFolder() throws IOException {
    folder = Files.createTempDirectory("nnproxy-study-cell-");
  }

  /**
   * Runs the cell.
   *
   * @return the study's result
   */
  @Benchmark
  public StudyResult cell() {
    result =
        StabilityStudy.builder()
            .functions("ackley")
            .dimensions(2)
            .schemes(SamplingScheme.DENSE_UNIFORM)
            .optimizer(JmetalPsoOptimizer.paper(), SeedColumn.PSO)
            .optimizer(JeneticsOptimizer.paper(), SeedColumn.GA)
            .seeds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
            .trainer(TrainerPreset.parse(trainer).trainers())
            .baseSize(baseSize)
            .threads(threads)
            .output(folder)
            .build()
            .run();
    return result;
  }

  /** Prints where the cell's time went and deletes the folder. */
  @TearDown(Level.Invocation)
  public void report() throws IOException {
    StringBuilder sb = new StringBuilder("\n[cell] ");
    for (ProxyRecord p : result.proxies()) {
      sb.append(String.format(Locale.ROOT, "proxy %s %d-D %s: R2 %.4f, %d epochs, training %.1f s; ",
          p.function(), p.dimension(), p.scheme(), p.quality().validationR2(),
          p.quality().epochsRun(), p.quality().trainingTime().toMillis() / 1000.0));
    }
    Map<String, double[]> sums = new TreeMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("timings.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      // function,dimension,scheme,optimizer,seed,objective,wall_seconds
      double[] s = sums.computeIfAbsent(c[3] + " on " + c[5], k -> new double[2]);
      s[0] += Double.parseDouble(c[6]);
      s[1]++;
    }
    sums.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s: %d runs %.2f s; ", k,
        (int) v[1], v[0])));
    System.out.println(sb);
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
