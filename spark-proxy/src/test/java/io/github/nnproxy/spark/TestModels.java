package io.github.nnproxy.spark;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import java.io.Serializable;
import org.apache.spark.TaskContext;

/** Serializable forward models with known behaviour, for the Spark tests. */
final class TestModels {
  private TestModels() {}

  /**
   * Fails by the point's first coordinate on [0, 1]: below 0.1 throws, below 0.2 returns NaN,
   * below 0.3 an infinity, below 0.4 reports an exit status; otherwise returns the sum of squares.
   */
  static final class Failing implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;
    private final Domain domain;

    Failing(int d) {
      this.domain = Domain.cube(d, 0, 1);
    }

    @Override
    public Domain domain() {
      return domain;
    }

    @Override
    public double evaluate(double[] x) {
      if (x[0] < 0.1) {
        throw new IllegalStateException("diverged at " + x[0]);
      }
      if (x[0] < 0.2) {
        return Double.NaN;
      }
      if (x[0] < 0.3) {
        return Double.POSITIVE_INFINITY;
      }
      if (x[0] < 0.4) {
        throw new EvaluationException(FailureKind.EXIT_STATUS, "solver exited with status 3");
      }
      double s = 0;
      for (double v : x) {
        s += v * v;
      }
      return s;
    }

    @Override
    public String toString() {
      return "failing(" + domain.dimension() + "-D)";
    }
  }

  /** Returns the id of the Spark partition that evaluates the point, or -1 outside a task. */
  static final class PartitionId implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Domain domain() {
      return Domain.cube(1, 0, 1);
    }

    @Override
    public double evaluate(double[] x) {
      TaskContext t = TaskContext.get();
      return t == null ? -1 : t.partitionId();
    }
  }

  /** Hangs (sleeps a minute) where the first coordinate is above 0.5, returns it otherwise. */
  static final class Hanging implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Domain domain() {
      return Domain.cube(1, 0, 1);
    }

    @Override
    public double evaluate(double[] x) {
      if (x[0] > 0.5) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return x[0];
    }
  }

  /** Serializable itself, but holds something that is not. */
  static final class HoldsThread implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;
    private final Object worker = new Thread();

    @Override
    public Domain domain() {
      return Domain.cube(1, 0, 1);
    }

    @Override
    public double evaluate(double[] x) {
      return worker.hashCode();
    }
  }
}
