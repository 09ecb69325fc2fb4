package io.github.nnproxy.spark;

import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.Function;

/**
 * The function a Spark task applies to each of its points: evaluates the model and captures the
 * failure as the point's outcome. With a timeout, the call runs on a daemon thread that is
 * interrupted and abandoned when the timeout passes.
 */
final class PointTask implements Function<double[], EvaluationOutcome> {
  private static final long serialVersionUID = 1L;

  private final ForwardModel model;
  private final Duration timeout;

  PointTask(ForwardModel model, Duration timeout) {
    this.model = model;
    this.timeout = timeout;
  }

  @Override
  public EvaluationOutcome call(double[] x) {
    if (timeout == null) {
      return EvaluationOutcome.capture(model, x);
    }
    FutureTask<Double> call = new FutureTask<>(() -> model.evaluate(x));
    Thread t = new Thread(call, "nnproxy-spark-point");
    t.setDaemon(true);
    t.start();
    try {
      return EvaluationOutcome.of(call.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      call.cancel(true);
      return EvaluationOutcome.failed(FailureKind.TIMED_OUT, "no value within " + timeout);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof EvaluationException ee) {
        return EvaluationOutcome.failed(ee.kind(), ee.getMessage());
      }
      if (c instanceof Error err) {
        throw err; // as without a timeout: the task fails and Spark retries it
      }
      return EvaluationOutcome.failed(FailureKind.THROWN, String.valueOf(c));
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt(); // Spark is killing the task: let it
      return EvaluationOutcome.failed(FailureKind.THROWN, "interrupted: the task was killed");
    }
  }
}
