package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A full quadratic model of the truth, fitted by least squares to the true points nearest a
 * centre, as a forward model on a box around it: the local model of derivative-free trust-region
 * methods (Powell's NEWUOA family, Conn, Scheinberg and Vicente 2009). Where a network fitted on
 * the whole domain is too coarse to improve the best point, a quadratic through its neighbours
 * still points downhill. Not API; immutable and thread-safe.
 */
final class LocalQuadratic implements ForwardModel {
  private final Domain box;
  private final double[] centre;
  private final double[] scale;
  private final double[] coefficients;

  private LocalQuadratic(Domain box, double[] centre, double[] scale, double[] coefficients) {
    this.box = box;
    this.centre = centre;
    this.scale = scale;
    this.coefficients = coefficients;
  }

  /** The number of coefficients of a full quadratic in {@code d} variables. */
  static int terms(int d) {
    return 1 + d + d * (d + 1) / 2;
  }

  /**
   * Fits the quadratic to the {@code 2 * terms(d)} finite true points nearest {@code centre}
   * (distances in the unit cube of {@code domain}), in coordinates scaled by the box's
   * half-widths; returns null when fewer than {@code terms(d) + 2} points are finite or the
   * points do not determine a quadratic.
   */
  static LocalQuadratic fit(List<TrueEvaluation> evaluations, Domain domain, double[] centre,
      Domain box) {
    int d = domain.dimension();
    int p = terms(d);
    List<TrueEvaluation> finite = new ArrayList<>();
    for (TrueEvaluation e : evaluations) {
      if (Double.isFinite(e.value())) {
        finite.add(e);
      }
    }
    if (finite.size() < p + 2) {
      return null;
    }
    double[] width = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      width[j] = domain.upper(j) - domain.lower(j);
      scale[j] = Math.max(box.upper(j) - centre[j], centre[j] - box.lower(j));
      if (!(scale[j] > 0)) {
        return null;
      }
    }
    finite.sort(Comparator.comparingDouble(e -> scaledDistance(e.x(), centre, width)));
    int m = Math.min(finite.size(), 2 * p);
    double[][] a = new double[m][];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      a[i] = features(finite.get(i).x(), centre, scale, p);
      y[i] = finite.get(i).value();
    }
    try {
      RealVector c = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12)
          .getSolver().solve(new ArrayRealVector(y, false));
      double[] coefficients = c.toArray();
      for (double v : coefficients) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
      return new LocalQuadratic(box, centre.clone(), scale, coefficients);
    } catch (SingularMatrixException e) {
      return null;
    }
  }

  private static double scaledDistance(double[] x, double[] centre, double[] width) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double e = (x[j] - centre[j]) / width[j];
      s += e * e;
    }
    return s;
  }

  private static double[] features(double[] x, double[] centre, double[] scale, int p) {
    int d = x.length;
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      u[j] = (x[j] - centre[j]) / scale[j];
    }
    double[] f = new double[p];
    f[0] = 1;
    int k = 1;
    for (int j = 0; j < d; j++) {
      f[k++] = u[j];
    }
    for (int j = 0; j < d; j++) {
      for (int l = j; l < d; l++) {
        f[k++] = u[j] * u[l];
      }
    }
    return f;
  }

  @Override
  public Domain domain() {
    return box;
  }

  @Override
  public double evaluate(double[] x) {
    double[] f = features(x, centre, scale, coefficients.length);
    double v = 0;
    for (int k = 0; k < f.length; k++) {
      v += f[k] * coefficients[k];
    }
    return v;
  }
}
