package io.github.nnproxy.examples;

import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.Samplers;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tells whether two saved proxies are the same network: same domain, same weights bit for bit,
 * same outputs on 10,000 points. Exits 0 when they are, 1 when they are not (and says where they
 * differ). Used by {@code examples/scripts/resume-check.sh} to compare a resumed run with an
 * uninterrupted one.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.SameProxy a.nnproxy b.nnproxy
 * }</pre>
 */
public final class SameProxy {
  private SameProxy() {}

  /**
   * Compares two proxy files.
   *
   * @param args the two files
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SameProxy A.nnproxy B.nnproxy");
      System.exit(2);
    }
    Proxy a = Proxy.load(Path.of(args[0]));
    Proxy b = Proxy.load(Path.of(args[1]));
    if (!a.domain().equals(b.domain())) {
      System.out.println("different domains: " + a.domain() + " and " + b.domain());
      System.exit(1);
    }
    double[] wa = a.toEncogNetwork().getFlat().getWeights();
    double[] wb = b.toEncogNetwork().getFlat().getWeights();
    if (!Arrays.equals(wa, wb)) {
      System.out.println("different weights (" + wa.length + " and " + wb.length + ")");
      System.exit(1);
    }
    double[][] xs = Samplers.uniform().sample(a.domain(), 10_000, 1L);
    if (!Arrays.equals(a.evaluateAll(xs), b.evaluateAll(xs))) {
      System.out.println("same weights, different outputs");
      System.exit(1);
    }
    System.out.println("identical: " + wa.length + " weights bit for bit, 10000 outputs equal");
  }
}
