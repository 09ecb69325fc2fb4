package io.github.nnproxy.examples;

import io.github.nnproxy.Domain;
import io.github.nnproxy.external.ExternalModel;
import io.github.nnproxy.external.ExternalModel.Protocol;
import io.github.nnproxy.sampling.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what an external evaluation costs beyond the program's own work: start-up of a process
 * and nnproxy's I/O, per protocol, for programs that do no work at all (a POSIX shell script, and
 * a Python script when Python 3 is installed, {@code /usr/bin/python3} first). Prints a Markdown table of milliseconds
 * per evaluation, the median of five repetitions, one process at a time.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests
 * taskset -c 0 java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.ExternalOverhead
 * }</pre>
 */
public final class ExternalOverhead {
  private ExternalOverhead() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: the number of evaluations per repetition (default 200)
   * @throws IOException if the scripts cannot be written
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("nnproxy-overhead");
    Domain box = Domain.cube(4, 0, 1);
    double[][] xs = Samplers.uniform().sample(box, n, 1L);
    List<String[]> rows = new ArrayList<>();
    Path sh = script(dir, "zero.sh", "#!/bin/sh\necho 0\n");
    Path shBatch = script(dir, "zero-batch.sh", "#!/bin/sh\nwhile read -r row; do echo 0; done\n");
    rows.add(measure("sh script", "per-point",
        ExternalModel.builder(box, sh.toString()).concurrency(1).build(), xs));
    rows.add(measure("sh script", "batch, 100 rows per process",
        ExternalModel.builder(box, shBatch.toString()).protocol(Protocol.BATCH)
            .concurrency(1).build(), xs));
    rows.add(measure("sh script", "per-point, directory per call",
        ExternalModel.builder(box, sh.toString()).concurrency(1).directoryPerCall(true)
            .workingDirectory(dir).build(), xs));
    // a system interpreter: version managers' shims (pyenv's) add their own start-up
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
        : "python3";
    try {
      Path py = script(dir, "zero.py", "print(0.0)\n");
      Path pyBatch = script(dir, "zero-batch.py",
          "import sys\nfor line in sys.stdin:\n    print(0.0)\n");
      rows.add(measure("python3 script", "per-point",
          ExternalModel.builder(box, python, py.toString()).concurrency(1).build(), xs));
      rows.add(measure("python3 script", "batch, 100 rows per process",
          ExternalModel.builder(box, python, pyBatch.toString()).protocol(Protocol.BATCH)
              .concurrency(1).build(), xs));
    } catch (IllegalArgumentException e) {
      System.err.println("python3 not found, skipped: " + e.getMessage());
    }
    System.out.println("| program | protocol | ms per evaluation (median of 5, " + n
        + " evaluations each) |");
    System.out.println("|---|---|---|");
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  private static String[] measure(String program, String protocol, ExternalModel m,
      double[][] xs) {
    m.evaluateAll(Arrays.copyOf(xs, Math.min(xs.length, 20)));
    double[] ms = new double[5];
    for (int r = 0; r < ms.length; r++) {
      long t0 = System.nanoTime();
      m.evaluateAll(xs);
      ms[r] = (System.nanoTime() - t0) / 1e6 / xs.length;
    }
    Arrays.sort(ms);
    return new String[] {program, protocol, String.format(Locale.ROOT, "%.3f (range %.3f to "
        + "%.3f)", ms[2], ms[0], ms[4])};
  }

  private static Path script(Path dir, String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
