package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.Samplers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encog.neural.networks.BasicNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProxyTest {
  private static Proxy proxy;
  private static double[][] points;

  @BeforeAll
  static void train() {
    proxy = ProxyTrainer.builder().hiddenLayers(20, 50, 20).epochs(5).build()
        .train(Benchmarks.rastrigin(3), Samplers.uniform(), 800, 5L);
    points = Samplers.uniform().sample(proxy.domain(), 2000, 77L);
  }

  @Test
  void saveAndLoadRoundTripBitForBit(@TempDir Path dir) {
    Path file = dir.resolve("sub/rastrigin.nnproxy");
    proxy.save(file);
    Proxy back = Proxy.load(file);
    assertArrayEquals(proxy.evaluateAll(points), back.evaluateAll(points));
    assertEquals(proxy.quality(), back.quality());
    assertEquals(proxy.domain(), back.domain());
    assertEquals(proxy.description(), back.description());
    assertArrayEquals(proxy.layerSizes(), back.layerSizes());
  }

  @Test
  void evaluateAllEqualsOneByOneAndEncogItself() {
    double[] batch = proxy.evaluateAll(points);
    BasicNetwork net = proxy.toEncogNetwork();
    double[] in = new double[3];
    double[] out = new double[1];
    for (int i = 0; i < points.length; i++) {
      assertEquals(batch[i], proxy.evaluate(points[i]));
      proxy.scaleInput(points[i], in);
      net.compute(in, out);
      ProxyTestSupport.assertMatchesEncog(proxy.activation(),
          out[0] * proxy.targetScale() + proxy.targetMean(), batch[i],
          ProxyTestSupport.scale(batch), "point " + i);
    }
  }

  @Test
  void concurrentPredictionsEqualSequentialOnes() throws Exception {
    double[] expected = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      expected[i] = proxy.evaluate(points[i]);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          double[] got = new double[points.length];
          for (int rep = 0; rep < 20; rep++) {
            for (int i = 0; i < points.length; i++) {
              got[i] = proxy.evaluate(points[i]);
            }
          }
          return got;
        }));
      }
      for (Future<double[]> f : results) {
        assertArrayEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countsExtrapolatedQueries() {
    Proxy p = Proxy.fromBytes(proxy.toBytes(), "copy");
    p.evaluate(new double[] {0, 0, 0});
    p.evaluate(new double[] {6, 0, 0});
    p.evaluateAll(new double[][] {{0, 0, 0}, {0, -5.2, 0}, {1, 1, 1}});
    assertEquals(5, p.queries());
    assertEquals(2, p.extrapolatedQueries());
  }

  @Test
  void rejectsBadQueries() {
    assertThrows(IllegalArgumentException.class, () -> proxy.evaluate(new double[2]));
    assertThrows(IllegalArgumentException.class,
        () -> proxy.evaluate(new double[] {0, Double.NaN, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> proxy.evaluateAll(new double[][] {{0, 0, 0}, {0, 0}}));
  }

  @Test
  void corruptFileIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("p.nnproxy");
    proxy.save(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proxy.load(file));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void truncatedFileIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("p.nnproxy");
    proxy.save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThrows(IllegalArgumentException.class, () -> Proxy.load(file));
    Files.write(file, java.util.Arrays.copyOf(bytes, 10));
    assertThrows(IllegalArgumentException.class, () -> Proxy.load(file));
  }

  @Test
  void foreignFileIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("net.eg");
    Files.writeString(file, "encog,BasicNetwork,java,3.4.0,1,1541959348153\n[BASIC]\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proxy.load(file));
    assertTrue(e.getMessage().contains("not an nnproxy proxy file"), e.getMessage());
    assertThrows(UncheckedIOException.class, () -> Proxy.load(dir.resolve("missing")));
  }

  @Test
  void newerFormatVersionIsRejected(@TempDir Path dir) throws IOException {
    byte[] bytes = proxy.toBytes();
    bytes[11] = (byte) (Proxy.FORMAT_VERSION + 1);
    Path file = dir.resolve("future.nnproxy");
    Files.write(file, bytes);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proxy.load(file));
    assertTrue(e.getMessage().contains("newer nnproxy"), e.getMessage());
  }

  /**
   * A file written by nnproxy 0.1 (format version 1: ReLU, no rank measures), committed as it was
   * written, still loads and predicts the values 0.1 printed for it, bit for bit.
   */
  @Test
  void formatVersion1FilesStillLoad() throws Exception {
    Path file = Path.of(ProxyTest.class.getResource("ackley2-format1.nnproxy").toURI());
    Proxy old = Proxy.load(file);
    assertEquals(Activation.RELU, old.activation());
    assertArrayEquals(new int[] {2, 6, 5, 1}, old.layerSizes());
    assertTrue(Double.isNaN(old.quality().validationSpearman()));
    assertTrue(Double.isNaN(old.quality().lowDecileRmse()));
    assertEquals(0.2486, old.quality().validationR2(), 5e-5);
    assertEquals(4621455477445774132L, Double.doubleToRawLongBits(old.evaluate(new double[] {0, 0})));
    assertEquals(4621354226912822235L,
        Double.doubleToRawLongBits(old.evaluate(new double[] {1.5, -2.25})));
    assertEquals(4622145836689365005L,
        Double.doubleToRawLongBits(old.evaluate(new double[] {-4.75, 3.5})));
    Proxy again = Proxy.fromBytes(old.toBytes(), "re-saved");
    assertEquals(old.quality().validationR2(), again.quality().validationR2());
    assertEquals(old.evaluate(new double[] {1.5, -2.25}), again.evaluate(new double[] {1.5, -2.25}));
  }

  /** Every activation survives a save and load: the activation, the values and the quality. */
  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyActivationRoundTripsBitForBit(Activation activation, @TempDir Path dir) {
    Proxy p = ProxyTrainer.builder().hiddenLayers(9, 7).activation(activation).epochs(3).build()
        .train(Benchmarks.sphere(3), Samplers.uniform(), 300, 4L);
    Path file = dir.resolve(activation.key() + ".nnproxy");
    p.save(file);
    Proxy back = Proxy.load(file);
    assertEquals(activation, back.activation());
    assertArrayEquals(p.evaluateAll(points), back.evaluateAll(points));
    assertEquals(p.quality(), back.quality());
    assertTrue(Double.isFinite(back.quality().validationSpearman()));
    assertTrue(Double.isFinite(back.quality().lowDecileRmse()));
    double scale = ProxyTestSupport.scale(back.evaluateAll(points));
    BasicNetwork net = back.toEncogNetwork();
    double[] in = new double[3];
    double[] out = new double[1];
    for (int i = 0; i < 200; i++) {
      back.scaleInput(points[i], in);
      net.compute(in, out);
      ProxyTestSupport.assertMatchesEncog(activation,
          out[0] * back.targetScale() + back.targetMean(), back.evaluate(points[i]), scale,
          "point " + i);
    }
  }

  @Test
  void domainOfTheProxyIsTheTruthsDomain() {
    assertEquals(Domain.cube(3, -5.12, 5.12), proxy.domain());
  }
}
