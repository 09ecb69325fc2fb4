package io.github.nnproxy.cli;

import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyQuality;
import io.github.nnproxy.study.ProxyRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The warning line the command line prints wherever it reports a proxy whose held-out R2 is below
 * {@link ProxyQuality#MIN_TRUSTED_R2}: after {@code train}, before {@code optimize} minimizes it,
 * and under a study's table for the cells that have one. Such a proxy explains little of the
 * function, and the point where it is lowest says little about where the function is.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * ProxyWarning.of(proxy).ifPresent(System.out::println);
 * }</pre>
 */
final class ProxyWarning {
  private ProxyWarning() {}

  /**
   * Returns the warning for one proxy, if it is not trustworthy.
   *
   * @param proxy the proxy
   * @return the line, or empty when its validation R2 is at least the threshold
   */
  static Optional<String> of(Proxy proxy) {
    ProxyQuality q = proxy.quality();
    if (q.trustworthy()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "Warning: validation R2 %.4f is below %.1f: "
        + "this proxy explains little of the function (less than half of its variation on the "
        + "held-out points), so its optimum should not be trusted. Sample more points, or train "
        + "longer or wider, before optimizing it.", q.validationR2(), ProxyQuality.MIN_TRUSTED_R2));
  }

  /**
   * Returns one warning for the untrustworthy proxies of a study, if it has any.
   *
   * @param proxies the study's proxies
   * @return the line naming each such proxy's cell and R2, or empty
   */
  static Optional<String> untrusted(List<ProxyRecord> proxies) {
    List<ProxyRecord> bad = proxies.stream().filter(p -> !p.quality().trustworthy()).toList();
    if (bad.isEmpty()) {
      return Optional.empty();
    }
    String cells = bad.stream().map(p -> String.format(Locale.ROOT, "%s %d-D %s %.2f",
        p.function(), p.dimension(), p.scheme(), p.quality().validationR2()))
        .collect(Collectors.joining(", "));
    return Optional.of(String.format(Locale.ROOT, "Warning: %s validation R2 below %.1f (%s): "
            + "%s little of the function, so %s should not be trusted.",
        bad.size() == 1 ? "1 proxy has" : bad.size() + " proxies have",
        ProxyQuality.MIN_TRUSTED_R2, cells, bad.size() == 1 ? "it explains" : "they explain",
        bad.size() == 1 ? "its optimum" : "their optima"));
  }
}
