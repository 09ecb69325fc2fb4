package io.github.nnproxy.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nnproxy.Domain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Benchmark functions and domains survive Java serialization with the same values, so a cluster
 * backend can ship them to its workers.
 */
class BenchmarkSerializationTest {
  static final java.util.List<String> NAMES = Benchmarks.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void functionRoundTripsWithTheSameValues(String name) throws Exception {
    BenchmarkFunction f = Benchmarks.byName(name, 3);
    BenchmarkFunction g = (BenchmarkFunction) roundTrip((Serializable) f);
    assertEquals(f.name(), g.name());
    assertEquals(f.domain(), g.domain());
    assertArrayEquals(f.optimum(), g.optimum());
    assertEquals(f.optimalValue(), g.optimalValue());
    double[][] xs = {{0.1, -0.2, 0.3}, {1, 2, -1}, f.optimum()};
    assertArrayEquals(f.evaluateAll(xs), g.evaluateAll(xs), 0.0);
  }

  @org.junit.jupiter.api.Test
  void domainRoundTripsAndStaysValidated() throws Exception {
    Domain d = Domain.of(new double[] {0, -1}, new double[] {1, 1});
    assertEquals(d, roundTrip(d));
    // deserialization runs the validating constructor: a tampered stream cannot make a bad box
    byte[] bytes = bytes(d);
    assertThrows(IOException.class, () -> read(swapBounds(bytes)));
  }

  private static Object roundTrip(Serializable o) throws Exception {
    return read(bytes(o));
  }

  private static byte[] bytes(Serializable o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  /** Rewrites the serialized upper bound 1.0 of the second coordinate as -2.0 (below lower). */
  private static byte[] swapBounds(byte[] bytes) {
    byte[] one = longBytes(Double.doubleToLongBits(1.0));
    byte[] bad = longBytes(Double.doubleToLongBits(-2.0));
    byte[] out = bytes.clone();
    int last = -1;
    for (int i = 0; i + 8 <= out.length; i++) {
      if (java.util.Arrays.equals(out, i, i + 8, one, 0, 8)) {
        last = i;
      }
    }
    System.arraycopy(bad, 0, out, last, 8);
    return out;
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>= 8;
    }
    return b;
  }
}
