package io.github.nnproxy.cli;

import io.github.nnproxy.proxy.Proxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Gives {@code nnproxy --version}: the project version Maven wrote into {@code
 * version.properties}, the Java runtime, and the proxies' inference kernel ({@link
 * Proxy#vectorKernel()}).
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * @Command(name = "nnproxy", versionProvider = VersionProvider.class)
 * }</pre>
 */
public final class VersionProvider implements IVersionProvider {
  /** Creates the provider. */
  public VersionProvider() {}

  /**
   * Returns the version lines.
   *
   * @return the nnproxy version, the Java runtime and the inference kernel
   * @throws UncheckedIOException if the version resource cannot be read
   */
  @Override
  public String[] getVersion() {
    return new String[] {"nnproxy " + version(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
        Proxy.vectorKernel()
            ? "inference: vector kernel (jdk.incubator.vector)"
            : "inference: portable kernel (java --add-modules jdk.incubator.vector for the faster"
                + " vector kernel)"};
  }

  /**
   * Returns the project version, or {@code "unknown"} when run outside a Maven build.
   *
   * @return the version
   * @throws UncheckedIOException if the version resource exists but cannot be read
   */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
  }
}
