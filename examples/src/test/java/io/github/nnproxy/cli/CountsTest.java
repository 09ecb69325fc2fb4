package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsTest {

  @ParameterizedTest
  @CsvSource({"0, 0 proxies", "1, 1 proxy", "2, 2 proxies", "27, 27 proxies"})
  void singularOnlyForOne(long n, String expected) {
    assertEquals(expected, Counts.of(n, "proxy", "proxies"));
  }
}
