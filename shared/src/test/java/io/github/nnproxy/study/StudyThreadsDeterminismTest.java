package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnproxy.proxy.Proxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seeds, same results to the last bit, whatever the thread count: the final files of the
 * tiny study and its proxies (weights and predictions) with 1 and with 4 threads (on 2 cores, 4
 * threads interleave the most). {@link StabilityStudyTest} compares 1 and 2 threads.
 */
class StudyThreadsDeterminismTest {
  @TempDir Path tmp;

  @Test
  void oneAndFourThreadsWriteTheSameBytesAndProxies() throws IOException {
    StudyResult one = StabilityStudyTest.tiny(tmp.resolve("one"), 1, new FixedOptimizer(1, 2))
        .plots(false).build().run();
    StudyResult four = StabilityStudyTest.tiny(tmp.resolve("four"), 4, new FixedOptimizer(1, 2))
        .plots(false).build().run();
    for (String f : List.of("runs.csv", "summary.csv", "summary.md", "study-config.txt")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(f)),
          Files.readAllBytes(tmp.resolve("four").resolve(f)), f);
    }
    assertEquals(one.proxies().size(), four.proxies().size());
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < one.proxies().size(); i++) {
      Proxy a = Proxy.load(one.proxies().get(i).file());
      Proxy b = Proxy.load(four.proxies().get(i).file());
      assertArrayEquals(weights(a), weights(b), one.proxies().get(i).file().toString());
      assertEquals(a.quality().validationRmse(), b.quality().validationRmse(), 0.0);
      double[][] xs = new double[1000][];
      for (int k = 0; k < xs.length; k++) {
        xs[k] = new double[] {r.nextDouble(-5, 5), r.nextDouble(-5, 5)};
      }
      assertArrayEquals(a.evaluateAll(xs), b.evaluateAll(xs), 0.0);
    }
  }

  private static double[] weights(Proxy p) {
    var net = p.toEncogNetwork();
    double[] w = new double[net.encodedArrayLength()];
    net.encodeToArray(w);
    return w;
  }
}
