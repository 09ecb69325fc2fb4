package io.github.nnproxy.examples.physics;

import io.github.nnproxy.Domain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The truth run that found {@link HeatPlate#referenceOptimum()}: a dense scan of the heater's
 * position with the best power for each position, then Nelder-Mead restarts on the full
 * three-variable objective from the best scan cells and from seeded random points, with points
 * outside the domain penalised by their squared (bound-scaled) distance to it. Prints every
 * stage and the constants to paste into {@link HeatPlate}. Runs a few thousand solves, minutes on
 * the default grid (see {@code docs/physics-example.md}).
 *
 * <p>The scan uses the model's linearity in the power: the temperature is {@code P} times the
 * temperature at {@code P = 1}, so the squared objective is a quadratic {@code a P^2 - 2 b P + 1}
 * in {@code P}; two solves per position (at {@code P = 1} and {@code P = 2}) give {@code a} and
 * {@code b}, and the best power {@code b / a}, clamped to the domain.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.physics.HeatPlateReference [grid]
 * }</pre>
 */
public final class HeatPlateReference {
  private static final double SCAN_STEP = 0.02;
  private static final int BEST_CELLS = 4;
  private static final int RANDOM_STARTS = 12;
  private static final long SEED = 20261203L;

  private HeatPlateReference() {}

  /**
   * Runs the truth run.
   *
   * @param args optional grid size (default {@link HeatPlate#DEFAULT_GRID})
   */
  public static void main(String[] args) {
    int grid = args.length > 0 ? Integer.parseInt(args[0]) : HeatPlate.DEFAULT_GRID;
    HeatPlate plate = HeatPlate.builder().grid(grid).build();
    Domain d = plate.domain();
    long t0 = System.nanoTime();

    // Stage 1: scan the heater position; best power per position from the quadratic in P.
    List<double[]> cells = new ArrayList<>();
    int steps = (int) Math.round((d.upper(0) - d.lower(0)) / SCAN_STEP);
    for (int iy = 0; iy <= steps; iy++) {
      for (int ix = 0; ix <= steps; ix++) {
        double x0 = d.lower(0) + ix * SCAN_STEP;
        double y0 = d.lower(1) + iy * SCAN_STEP;
        double j1 = plate.evaluate(new double[] {x0, y0, 1});
        double j2 = plate.evaluate(new double[] {x0, y0, 2});
        // j1^2 = a - 2b + 1, j2^2 = 4a - 4b + 1
        double a = (j2 * j2 - 2 * j1 * j1 + 1) / 2;
        double b = (a + 1 - j1 * j1) / 2;
        double p = Math.max(d.lower(2), Math.min(d.upper(2), b / a));
        double j = Math.sqrt(Math.max(0, a * p * p - 2 * b * p + 1));
        cells.add(new double[] {x0, y0, p, j});
      }
    }
    cells.sort(Comparator.comparingDouble(c -> c[3]));
    System.out.printf(
        "stage 1: %d positions scanned (step %.2f, 2 solves each) in %.0f s%n",
        cells.size(), SCAN_STEP, seconds(t0));
    for (int i = 0; i < BEST_CELLS; i++) {
      System.out.println("  scan best " + i + ": " + Arrays.toString(cells.get(i)));
    }

    // Stage 2: Nelder-Mead on the full objective from the best cells and random starts.
    List<double[]> starts = new ArrayList<>();
    for (int i = 0; i < BEST_CELLS; i++) {
      starts.add(Arrays.copyOf(cells.get(i), 3));
    }
    SplittableRandom rng = new SplittableRandom(SEED);
    for (int i = 0; i < RANDOM_STARTS; i++) {
      double[] s = new double[3];
      for (int k = 0; k < 3; k++) {
        s[k] = d.lower(k) + rng.nextDouble() * (d.upper(k) - d.lower(k));
      }
      starts.add(s);
    }
    PointValuePair best = null;
    List<PointValuePair> ends = new ArrayList<>();
    for (double[] start : starts) {
      long t1 = System.nanoTime();
      SimplexOptimizer nm = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-15));
      PointValuePair r =
          nm.optimize(
              new MaxEval(4000),
              new ObjectiveFunction(y -> penalised(plate, y)),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new NelderMeadSimplex(new double[] {0.05, 0.05, 1.0}));
      System.out.printf(
          "stage 2: from %s -> %s value %s (%d evaluations, %.0f s, in domain %b)%n",
          Arrays.toString(start), Arrays.toString(r.getPoint()), r.getValue(),
          nm.getEvaluations(), seconds(t1), d.contains(r.getPoint()));
      ends.add(r);
      if (d.contains(r.getPoint()) && (best == null || r.getValue() < best.getValue())) {
        best = r;
      }
    }
    double[] x = best.getPoint();
    int same = 0;
    for (PointValuePair r : ends) {
      double[] y = r.getPoint();
      if (Math.abs(y[0] - x[0]) < 1e-4 && Math.abs(y[1] - x[1]) < 1e-4
          && Math.abs(y[2] - x[2]) < 1e-3) {
        same++;
      }
    }
    System.out.printf("%d of %d restarts end within 1e-4 of the best point%n", same, ends.size());
    System.out.printf("best after %.0f s on a %d x %d grid:%n", seconds(t0), grid, grid);
    System.out.println("  REFERENCE_X0 = " + x[0]);
    System.out.println("  REFERENCE_Y0 = " + x[1]);
    System.out.println("  REFERENCE_POWER = " + x[2]);
    System.out.println("  REFERENCE_VALUE = " + plate.evaluate(x));
  }

  /**
   * The objective inside the domain; outside, the objective at the nearest point of the domain
   * plus the squared distance to it, so that restarts stay in bounds (an exterior penalty).
   */
  private static double penalised(HeatPlate plate, double[] y) {
    double[] c = plate.domain().clamp(y);
    double d2 = 0;
    for (int k = 0; k < y.length; k++) {
      double w = plate.domain().upper(k) - plate.domain().lower(k);
      double e = (y[k] - c[k]) / w;
      d2 += e * e;
    }
    return plate.evaluate(c) + d2;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
