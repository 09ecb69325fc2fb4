package io.github.nnproxy.examples;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.TrustCell;
import io.github.nnproxy.study.TrustMethod;
import io.github.nnproxy.study.TrustResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The trust study through its public API: the offline proxy against the managed loop, with the
 * truth runs beside them, for the seed's GA on a toy 2-D grid (seconds). The full grid is the
 * command {@code nnproxy trust}; see {@code docs/trusting-a-proxy.md}.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.TrustStudy [out]
 * }</pre>
 *
 * <p>Running it again on the same folder resumes: it reuses the finished runs and the saved
 * proxies.
 */
public final class TrustStudy {
  private TrustStudy() {}

  /**
   * Runs the study and prints each cell's distances.
   *
   * @param args the output folder (default {@code nnproxy-trust-example})
   */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "nnproxy-trust-example");
    ProxyTrainer small = ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).build();
    TrustResult r = io.github.nnproxy.study.TrustStudy.builder()
        .functions("ackley", "rosenbrock")
        .dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM)
        .optimizer(JeneticsOptimizer.paper(),
            n -> JeneticsOptimizer.paper().toBuilder().evaluations(n).build())
        .seeds(1, 2)
        .baseSize(400)
        .trainer(f -> small)
        .managed(ManagedOptimization.builder().trainer(small).initialSamples(30).budget(60)
            .build())
        .output(out)
        .build()
        .run();
    for (TrustCell c : r.cells()) {
      System.out.printf(Locale.ROOT, "%s %d-D %s %s: distance (a) %.3f (b) %.3f (d) %.3f; goal"
              + " %s%n", c.function(), c.dimension(), c.scheme(), c.optimizer(),
          c.distance(TrustMethod.OFFLINE_PROXY).mean(), c.distance(TrustMethod.MANAGED).mean(),
          c.distance(TrustMethod.TRUTH_FULL).mean(), c.goalHolds() ? "met" : "not met");
    }
    System.out.println("see " + r.markdown());
  }
}
