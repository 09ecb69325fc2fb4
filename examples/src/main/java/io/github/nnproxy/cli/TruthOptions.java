package io.github.nnproxy.cli;

import io.github.nnproxy.Domain;
import io.github.nnproxy.external.ExternalModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options that name an external program as the truth, and the store of its evaluations:
 * {@code --command}, {@code --bounds}, {@code --protocol}, {@code --timeout}, {@code
 * --concurrency} and {@code --store}. A picocli mixin of {@code train} and {@code optimize}.
 *
 * <p>Not thread-safe: picocli fills its fields.
 *
 * <pre>{@code
 * nnproxy train --command "python3 sim.py --mesh fine" --bounds 0:1,0:1,-2:2 --samples 500 \
 *     --store sim.db --out sim.nnproxy
 * }</pre>
 */
public final class TruthOptions {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Option(names = "--command", paramLabel = "\"PROGRAM ARGS...\"",
      description = "An external program as the truth: run once per point with the point's "
          + "coordinates appended as arguments; its value is the last line it prints. The text "
          + "is split into words once, as a shell would ('...' and \"...\" quote, \\ escapes), "
          + "and run without a shell: no variables, globs, pipes or redirections. Needs "
          + "--bounds (train). Default: none (a benchmark function is the truth).")
  String command;

  @Option(names = "--bounds", paramLabel = "LO:HI[,LO:HI...]",
      description = "The domain of --command's inputs, one LO:HI interval per coordinate, "
          + "e.g. 0:1,-5:5. With --data: the domain of the proxy. Default: none with "
          + "--command (required), the data's range with --data, the proxy's domain (optimize).")
  String bounds;

  @Option(names = "--protocol", paramLabel = "per-point|batch",
      description = "How --command gets its points: per-point (one process per point, "
          + "coordinates as arguments) or batch (CSV rows on standard input, one value per "
          + "line back). Default: per-point.")
  String protocol = "per-point";

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Kill a --command process after this long (e.g. 90s, 30m, 2h) and count "
          + "its points as timed out. Default: no limit.")
  String timeout;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "--command processes run at once. Default: the number of processors.")
  Integer concurrency;

  @Option(names = "--store", paramLabel = "FILE",
      description = "Record every true evaluation in this SQLite file as it finishes, and "
          + "answer points it holds without simulating them again: rerun the same command "
          + "after a crash and it resumes. Readable with any SQLite client. Default: none "
          + "(nothing is recorded).")
  Path store;

  @Option(names = "--retry-failures",
      description = "Simulate again the points whose recorded simulation in --store failed, and "
          + "record the new outcome (after fixing the program, say). Default: a recorded "
          + "failure is answered as it was, and no point runs twice.")
  boolean retryFailures;

  /** Creates the options; picocli fills them. */
  public TruthOptions() {}

  /**
   * Tells whether an external program was named.
   *
   * @return true with {@code --command}
   */
  public boolean external() {
    return command != null;
  }

  /**
   * Returns the store file, or null.
   *
   * @return the file given with {@code --store}
   */
  public Path storeFile() {
    return store;
  }

  /**
   * Refuses {@code --retry-failures} without {@code --store}: there are no recorded failures to
   * retry.
   *
   * @param line the command line, for the error
   * @throws picocli.CommandLine.ParameterException if {@code --retry-failures} came alone
   */
  public void checkRetry(picocli.CommandLine line) {
    checkRetry(line, retryFailures, store);
  }

  /**
   * Refuses {@code --retry-failures} without {@code --store}, for a command with its own options.
   *
   * @param line the command line, for the error
   * @param retryFailures whether {@code --retry-failures} was given
   * @param store the {@code --store} file, or null
   * @throws picocli.CommandLine.ParameterException if {@code --retry-failures} came alone
   */
  static void checkRetry(picocli.CommandLine line, boolean retryFailures, Path store) {
    if (retryFailures && store == null) {
      throw new picocli.CommandLine.ParameterException(line,
          "--retry-failures retries the failures recorded in --store: give --store FILE");
    }
  }

  /**
   * Returns what the store does with a point whose recorded simulation failed.
   *
   * @return {@code RETRY} with {@code --retry-failures}, else {@code REPLAY}
   */
  public io.github.nnproxy.store.EvaluationStore.FailurePolicy failurePolicy() {
    return failurePolicy(retryFailures);
  }

  /** {@code RETRY} for {@code --retry-failures}, else {@code REPLAY}. */
  static io.github.nnproxy.store.EvaluationStore.FailurePolicy failurePolicy(boolean retry) {
    return retry ? io.github.nnproxy.store.EvaluationStore.FailurePolicy.RETRY
        : io.github.nnproxy.store.EvaluationStore.FailurePolicy.REPLAY;
  }

  /**
   * Returns the domain given with {@code --bounds}, or null when none was given.
   *
   * @return the domain
   * @throws IllegalArgumentException if the bounds are malformed
   */
  public Domain domain() {
    return bounds == null ? null : parseBounds(bounds);
  }

  /**
   * Builds the external model of {@code --command}.
   *
   * @param domain its domain
   * @return the model
   * @throws IllegalArgumentException if an option is malformed or the program is not found
   */
  public ExternalModel model(Domain domain) {
    ExternalModel.Builder b = ExternalModel.builder(domain, CommandWords.split(command))
        .protocol(parseProtocol(protocol));
    if (timeout != null) {
      b.timeout(parseDuration(timeout));
    }
    if (concurrency != null) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
      }
      b.concurrency(concurrency);
    }
    return b.build();
  }

  /**
   * Parses {@code LO:HI[,LO:HI...]}.
   *
   * @param text the bounds
   * @return the domain
   * @throws IllegalArgumentException if the text is malformed or an interval is empty
   */
  public static Domain parseBounds(String text) {
    String[] parts = text.split(",");
    List<double[]> iv = new ArrayList<>();
    for (String p : parts) {
      int colon = p.indexOf(':', 1);
      if (colon < 0) {
        throw new IllegalArgumentException("--bounds must be LO:HI intervals separated by "
            + "commas, e.g. 0:1,-5:5, but had '" + p.strip() + "' in '" + text + "'");
      }
      try {
        iv.add(new double[] {Double.parseDouble(p.substring(0, colon).strip()),
            Double.parseDouble(p.substring(colon + 1).strip())});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--bounds must be numbers, but had '" + p.strip()
            + "' in '" + text + "'");
      }
    }
    double[] lo = new double[iv.size()];
    double[] hi = new double[iv.size()];
    for (int i = 0; i < lo.length; i++) {
      lo[i] = iv.get(i)[0];
      hi[i] = iv.get(i)[1];
      if (!(Double.isFinite(lo[i]) && Double.isFinite(hi[i]) && lo[i] < hi[i])) {
        throw new IllegalArgumentException("--bounds needs finite intervals LO:HI with LO below "
            + "HI, but interval " + (i + 1) + " is '" + parts[i].strip() + "' in '" + text + "'");
      }
    }
    return Domain.of(lo, hi);
  }

  /**
   * Parses a duration such as {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h} or ISO-8601's
   * {@code PT30S}.
   *
   * @param text the duration
   * @return the duration
   * @throws IllegalArgumentException if the text is not a duration
   */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      double nanos = switch (m.group(2)) {
        case "ms" -> v * 1e6;
        case "s" -> v * 1e9;
        case "m" -> v * 60e9;
        default -> v * 3600e9;
      };
      return Duration.ofNanos(Math.round(nanos));
    }
    try {
      return Duration.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("--timeout must be a duration such as 90s, 30m or 2h, "
          + "but was '" + text + "'");
    }
  }

  private static ExternalModel.Protocol parseProtocol(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "per-point", "point" -> ExternalModel.Protocol.PER_POINT;
      case "batch" -> ExternalModel.Protocol.BATCH;
      default -> throw new IllegalArgumentException("--protocol must be per-point or batch, but "
          + "was '" + text + "'");
    };
  }
}
