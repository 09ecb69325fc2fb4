package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the benchmark function a proxy imitates: the one named by the user, or the one its
 * description names ({@code "ackley(2-D), uniform, n=10000, ..."}, as {@code ProxyTrainer.train}
 * writes it) when that function has the proxy's dimension and domain.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Optional<BenchmarkFunction> f = KnownFunction.of(proxy, null);
 * }</pre>
 */
public final class KnownFunction {
  private static final Pattern DESCRIPTION =
      Pattern.compile("^([A-Za-z][A-Za-z_-]*)\\((\\d+)-D\\)");

  private KnownFunction() {}

  /**
   * Returns the function the proxy imitates.
   *
   * @param proxy the proxy
   * @param name the function's name given by the user, or null to infer it from the description
   * @return the function; empty if {@code name} is null and the description names no benchmark
   *     function of the proxy's dimension and domain
   * @throws IllegalArgumentException if {@code name} is unknown, or the function does not exist
   *     in the proxy's dimension or has another domain
   */
  public static Optional<BenchmarkFunction> of(Proxy proxy, String name) {
    int d = proxy.domain().dimension();
    if (name != null) {
      BenchmarkFunction f = Benchmarks.byName(name, d);
      if (!f.domain().equals(proxy.domain())) {
        throw new IllegalArgumentException("function " + f + " has domain " + f.domain()
            + ", but the proxy has " + proxy.domain());
      }
      return Optional.of(f);
    }
    Matcher m = DESCRIPTION.matcher(proxy.description());
    if (!m.find() || Integer.parseInt(m.group(2)) != d) {
      return Optional.empty();
    }
    try {
      BenchmarkFunction f = Benchmarks.byName(m.group(1), d);
      return f.domain().equals(proxy.domain()) ? Optional.of(f) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
