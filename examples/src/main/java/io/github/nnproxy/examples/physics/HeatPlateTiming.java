package io.github.nnproxy.examples.physics;

import io.github.nnproxy.Domain;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures the cost of one {@link HeatPlate} evaluation on one thread: a warm-up, then timed
 * evaluations at seeded random points of the domain, reported as median, mean and range in
 * milliseconds.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar \
 *     io.github.nnproxy.examples.physics.HeatPlateTiming [grid] [n]
 * }</pre>
 */
public final class HeatPlateTiming {
  private HeatPlateTiming() {}

  /**
   * Runs the measurement.
   *
   * @param args optional grid size (default {@link HeatPlate#DEFAULT_GRID}) and number of timed
   *     evaluations (default 200)
   */
  public static void main(String[] args) {
    int grid = args.length > 0 ? Integer.parseInt(args[0]) : HeatPlate.DEFAULT_GRID;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    HeatPlate plate = HeatPlate.builder().grid(grid).build();
    Domain d = plate.domain();
    SplittableRandom rng = new SplittableRandom(7);
    double sink = 0;
    for (int i = 0; i < 50; i++) {
      sink += plate.evaluate(random(d, rng));
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      double[] x = random(d, rng);
      long t0 = System.nanoTime();
      sink += plate.evaluate(x);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    double mean = Arrays.stream(ms).average().orElse(Double.NaN);
    System.out.printf(
        "HeatPlate grid %d x %d, tolerance %s, one thread: median %.2f ms, mean %.2f ms,"
            + " min %.2f ms, max %.2f ms per evaluation over %d evaluations (checksum %.6f)%n",
        grid, grid, plate.tolerance(), ms[n / 2], mean, ms[0], ms[n - 1], n, sink);
  }

  private static double[] random(Domain d, SplittableRandom rng) {
    double[] x = new double[d.dimension()];
    for (int k = 0; k < x.length; k++) {
      x[k] = d.lower(k) + rng.nextDouble() * (d.upper(k) - d.lower(k));
    }
    return x;
  }
}
