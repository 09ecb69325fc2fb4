package io.github.nnproxy.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small POSIX shell programs for the tests, written into a test's temporary folder. */
public final class Scripts {
  private Scripts() {}

  /**
   * The sum of squares of the arguments, printed exactly, after a line of chatter; when {@code
   * NNPROXY_SIM_LOG} is set, one line per run is appended to it after the value is printed.
   */
  public static final String SPHERE = """
      #!/bin/sh
      echo "starting the solver" >&2
      echo "iteration 1"
      v=$(awk 'BEGIN { s = 0; for (i = 1; i < ARGC; i++) s += ARGV[i] * ARGV[i]; printf "%.17g", s }' "$@")
      # a shell that cannot write its answer (its reader died) is killed by SIGPIPE here, so the
      # log counts only simulations whose value was delivered
      printf '%s\\n' "$v"
      if [ -n "$NNPROXY_SIM_LOG" ]; then echo "$*" >> "$NNPROXY_SIM_LOG"; fi
      """;

  /** The batch protocol's sphere: CSV rows on standard input, one sum of squares per line. */
  public static final String SPHERE_BATCH = """
      #!/bin/sh
      awk -F, '{ s = 0; for (i = 1; i <= NF; i++) s += $i * $i; printf "%.17g\\n", s }'
      """;

  /**
   * Writes an executable script.
   *
   * @param dir the folder
   * @param name the file name
   * @param body the script
   * @return its path
   */
  public static Path write(Path dir, String name, String body) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, body);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sphere function computed in Java, for comparison.
   *
   * @param x the point
   * @return the sum of squares
   */
  public static double sphere(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }
}
