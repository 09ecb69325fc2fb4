package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnownFunctionTest {
  static final ProxyTrainer TINY = ProxyTrainer.builder().hiddenLayers(4).epochs(2).build();
  static Proxy trained;
  static Proxy fitted;

  @BeforeAll
  static void proxies() {
    trained = TINY.train(Benchmarks.levy(3), Samplers.uniform(), 40, 1L);
    double[][] x = Samplers.uniform().sample(Domain.cube(3, -10, 10), 40, 2L);
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0];
    }
    fitted = TINY.fit(x, y, Domain.cube(3, -10, 10));
  }

  @Test
  void infersTheFunctionFromTheDescriptionOfATrainedProxy() {
    assertEquals("levy", KnownFunction.of(trained, null).orElseThrow().name());
    assertEquals(3, KnownFunction.of(trained, null).orElseThrow().domain().dimension());
  }

  @Test
  void findsNothingInTheDescriptionOfAFittedProxy() {
    assertTrue(KnownFunction.of(fitted, null).isEmpty());
  }

  @Test
  void aNamedFunctionMustHaveTheProxysDomain() {
    assertEquals("levy", KnownFunction.of(fitted, "levy").orElseThrow().name());
    assertThrows(IllegalArgumentException.class, () -> KnownFunction.of(fitted, "ackley"));
    assertThrows(IllegalArgumentException.class, () -> KnownFunction.of(fitted, "nope"));
  }
}
