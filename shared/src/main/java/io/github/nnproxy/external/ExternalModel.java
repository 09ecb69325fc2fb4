package io.github.nnproxy.external;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.OutcomeListener;
import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.internal.Requires;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An external program as a forward model: a solver binary, a Python or MATLAB script, a container
 * run, anything that can be started as a process. Each evaluation starts the program, hands it
 * the point, and reads the value from what it prints.
 *
 * <p>Two protocols ({@link Protocol}):
 *
 * <ul>
 *   <li>{@link Protocol#PER_POINT} (the default): one process per point, the coordinates appended
 *       to the command as arguments ({@link Double#toString(double)}, e.g. {@code 0.25 -1.0E-4}),
 *       the value read from the <em>last non-blank line</em> of standard output, so a program may
 *       print progress before it.
 *   <li>{@link Protocol#BATCH}: one process per chunk of up to {@link Builder#rowsPerProcess}
 *       points, written to its standard input as CSV rows (coordinates separated by commas, one
 *       point per line); it prints one value per line, in the same order. For programs that
 *       amortize a costly start-up.
 * </ul>
 *
 * <p>A value is a decimal number ({@code 1.5}, {@code -2e-3}); {@code nan}, {@code inf} and
 * {@code -inf} in any case (as Python prints them) and Java's {@code NaN} and {@code Infinity}
 * are read as such and become {@link FailureKind#NAN} and {@link FailureKind#INFINITE}
 * failures. Other failures: a non-zero exit status or a kill by a signal ({@link
 * FailureKind#EXIT_STATUS}), output that is not a number or has the wrong number of lines ({@link
 * FailureKind#GARBLED_OUTPUT}), a process that outlives its {@link Builder#timeout timeout}
 * ({@link FailureKind#TIMED_OUT}: it is killed with its descendants), a program that cannot be
 * started ({@link FailureKind#THROWN}). The tail of the program's standard error is kept in the
 * failure's detail for the first {@link Builder#keptErrors} failures, so a broken simulation says
 * why without flooding the logs.
 *
 * <p><b>No shell is involved.</b> The command is a list of arguments given to the operating system
 * as they are; the coordinates are added as plain numbers. Nothing in a point, a file name or an
 * argument is interpreted, so nothing can inject a command. A program name without a path
 * separator is looked up on the {@code PATH}; a relative path is resolved against the JVM's
 * working directory when the model is built.
 *
 * <p><b>The program's environment</b> is the JVM's environment plus {@link Builder#environment}.
 * Its working directory is {@link Builder#workingDirectory} (default: the JVM's), or with {@link
 * Builder#directoryPerCall} a fresh directory created inside it for every process, deleted when
 * the process succeeds and kept when it fails (its path is in the failure's detail), so programs
 * that write scratch files do not collide.
 *
 * <p>At most {@link Builder#concurrency} processes run at once, across all threads that use the
 * model. The model is {@link #batched()}: nnproxy's trainer and managed loop hand it whole
 * batches, and {@link #evaluateOutcomes(double[][], OutcomeListener)} reports each point when its
 * process ends, so an {@link io.github.nnproxy.store.EvaluationStore} records it at once.
 * Immutable apart from the count of failures whose standard error was kept; thread-safe;
 * serializable (for cluster workers that have the program installed).
 *
 * <pre>{@code
 * ForwardModel sim = ExternalModel.builder(Domain.cube(3, 0, 1),
 *         List.of("python3", "simulate.py", "--mesh", "fine"))
 *     .timeout(Duration.ofMinutes(30))
 *     .concurrency(4)
 *     .directoryPerCall(true)
 *     .build();
 * Proxy proxy = ProxyTrainer.defaults().train(sim, Samplers.latinHypercube(), 500, 1);
 * }</pre>
 */
public final class ExternalModel implements ForwardModel, Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** How points are handed to the program and values read back. */
  public enum Protocol {
    /** One process per point: coordinates as arguments, the value on the last stdout line. */
    PER_POINT,
    /** One process per chunk: CSV rows on stdin, one value per line on stdout. */
    BATCH
  }

  /** The default number of failures whose standard error is kept. */
  public static final int DEFAULT_KEPT_ERRORS = 5;

  /** The default number of points per process of the batch protocol. */
  public static final int DEFAULT_ROWS_PER_PROCESS = 100;

  private final Domain domain;
  private final List<String> command;
  private final Protocol protocol;
  private final Duration timeout;
  private final int concurrency;
  private final int rowsPerProcess;
  private final String workingDirectory;
  private final boolean directoryPerCall;
  private final Map<String, String> environment;
  private final int keptErrors;
  private transient Semaphore slots;
  private transient AtomicInteger errorsKept;

  private ExternalModel(Builder b) {
    this.domain = b.domain;
    this.command = List.copyOf(b.command);
    this.protocol = b.protocol;
    this.timeout = b.timeout;
    this.concurrency = b.concurrency;
    this.rowsPerProcess = b.rowsPerProcess;
    this.workingDirectory = b.workingDirectory == null ? null : b.workingDirectory.toString();
    this.directoryPerCall = b.directoryPerCall;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.keptErrors = b.keptErrors;
    this.slots = new Semaphore(concurrency, true);
    this.errorsKept = new AtomicInteger();
  }

  /**
   * Starts a builder for a program on a domain.
   *
   * @param domain the domain of the program's inputs
   * @param command the program and its fixed arguments, e.g. {@code List.of("./sim", "--fast")};
   *     the coordinates are appended after them (per-point protocol)
   * @return the builder, with the per-point protocol, no timeout, one process per available
   *     processor and the JVM's working directory
   * @throws NullPointerException if an argument or an element of {@code command} is null
   * @throws IllegalArgumentException if {@code command} is empty
   */
  public static Builder builder(Domain domain, List<String> command) {
    return new Builder(domain, command);
  }

  /**
   * Starts a builder for a program on a domain.
   *
   * @param domain the domain of the program's inputs
   * @param command the program and its fixed arguments
   * @return the builder
   * @throws NullPointerException if an argument or an element of {@code command} is null
   * @throws IllegalArgumentException if {@code command} is empty
   */
  public static Builder builder(Domain domain, String... command) {
    nonNull(command, "command");
    return new Builder(domain, List.of(command));
  }

  /**
   * Returns a builder holding this model's settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(domain, command);
    b.protocol = protocol;
    b.timeout = timeout;
    b.concurrency = concurrency;
    b.rowsPerProcess = rowsPerProcess;
    b.workingDirectory = workingDirectory == null ? null : Path.of(workingDirectory);
    b.directoryPerCall = directoryPerCall;
    b.environment.putAll(environment);
    b.keptErrors = keptErrors;
    return b;
  }

  @Override
  public Domain domain() {
    return domain;
  }

  /**
   * Runs the program once for one point (a one-row process under the batch protocol).
   *
   * @param x the point
   * @return the value the program printed (NaN or an infinity if it printed one)
   * @throws EvaluationException with the failure's kind if the program failed, timed out or
   *     printed something that is not a number
   */
  @Override
  public double evaluate(double[] x) {
    Requires.point(x, domain.dimension(), "x");
    return (protocol == Protocol.PER_POINT ? runPoint(x) : runChunk(new double[][] {x})[0])
        .valueOrThrow();
  }

  /**
   * Runs the program for every point, at most {@link #concurrency()} processes at a time.
   *
   * @param xs the points
   * @return the values, in order
   * @throws EvaluationException for the first point whose evaluation failed without a value
   */
  @Override
  public double[] evaluateAll(double[][] xs) {
    return EvaluationOutcome.values(evaluateOutcomes(xs));
  }

  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
    return evaluateOutcomes(xs, (i, o, took) -> { });
  }

  /**
   * Runs the program for every point, at most {@link #concurrency()} processes at a time, and
   * reports each point as its process ends (a whole chunk at once under the batch protocol).
   *
   * @param xs the points
   * @param listener hears each outcome, from the thread that waited for its process
   * @return the outcomes, in order
   * @throws IllegalStateException if the calling thread is interrupted (running processes are
   *     killed)
   */
  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs, OutcomeListener listener) {
    Requires.points(xs, domain.dimension(), "xs");
    nonNull(listener, "listener");
    EvaluationOutcome[] out = new EvaluationOutcome[xs.length];
    if (xs.length == 0) {
      return out;
    }
    int chunk = protocol == Protocol.PER_POINT ? 1 : rowsPerProcess;
    int tasks = (xs.length + chunk - 1) / chunk;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks, concurrency), r -> {
      Thread t = new Thread(r, "nnproxy-external");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(tasks);
      for (int start = 0; start < xs.length; start += chunk) {
        int from = start;
        int to = Math.min(xs.length, start + chunk);
        futures.add(pool.submit(() -> {
          long t0 = System.nanoTime();
          EvaluationOutcome[] os = protocol == Protocol.PER_POINT
              ? new EvaluationOutcome[] {runPoint(xs[from])}
              : runChunk(Arrays.copyOfRange(xs, from, to));
          Duration took = Duration.ofNanos(System.nanoTime() - t0);
          for (int i = from; i < to; i++) {
            out[i] = os[i - from];
            listener.finished(i, out[i], took);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + commandLine(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Returns true: nnproxy hands this model whole batches and adds no threads or timeouts.
   *
   * @return true
   */
  @Override
  public boolean batched() {
    return true;
  }

  /**
   * Returns the program and its fixed arguments.
   *
   * @return the command, unmodifiable
   */
  public List<String> command() {
    return command;
  }

  /**
   * Returns the protocol.
   *
   * @return the protocol
   */
  public Protocol protocol() {
    return protocol;
  }

  /**
   * Returns the timeout of one process, if any.
   *
   * @return the timeout
   */
  public java.util.Optional<Duration> timeout() {
    return java.util.Optional.ofNullable(timeout);
  }

  /**
   * Returns the largest number of processes that run at once.
   *
   * @return the concurrency
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Returns the largest number of points one process of the batch protocol receives.
   *
   * @return the rows per process
   */
  public int rowsPerProcess() {
    return rowsPerProcess;
  }

  /**
   * Returns the directory the processes run in (or inside, with {@link #directoryPerCall()}).
   *
   * @return the directory; empty for the JVM's working directory
   */
  public java.util.Optional<Path> workingDirectory() {
    return java.util.Optional.ofNullable(workingDirectory).map(Path::of);
  }

  /**
   * Tells whether every process gets a fresh directory of its own.
   *
   * @return true for a directory per process
   */
  public boolean directoryPerCall() {
    return directoryPerCall;
  }

  /**
   * Returns the variables added to the JVM's environment for the program.
   *
   * @return the variables, unmodifiable
   */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Returns how many failures keep the tail of the program's standard error in their detail.
   *
   * @return the number
   */
  public int keptErrors() {
    return keptErrors;
  }

  @Override
  public String toString() {
    return "ExternalModel[" + commandLine() + ", " + protocol.name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-') + ", " + domain + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExternalModel m && domain.equals(m.domain) && command.equals(m.command)
        && protocol == m.protocol && Objects.equals(timeout, m.timeout)
        && concurrency == m.concurrency && rowsPerProcess == m.rowsPerProcess
        && Objects.equals(workingDirectory, m.workingDirectory)
        && directoryPerCall == m.directoryPerCall && environment.equals(m.environment)
        && keptErrors == m.keptErrors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, command, protocol, timeout, concurrency, rowsPerProcess,
        workingDirectory, directoryPerCall, environment, keptErrors);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    slots = new Semaphore(concurrency, true);
    errorsKept = new AtomicInteger();
  }

  private String commandLine() {
    return String.join(" ", command);
  }

  private EvaluationOutcome runPoint(double[] x) {
    List<String> args = new ArrayList<>(command.size() + x.length);
    args.addAll(command);
    for (double v : x) {
      args.add(Double.toString(v));
    }
    return execute(args, null, 1)[0];
  }

  private EvaluationOutcome[] runChunk(double[][] rows) {
    StringBuilder in = new StringBuilder(rows.length * domain.dimension() * 24);
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        if (j > 0) {
          in.append(',');
        }
        in.append(row[j]);
      }
      in.append('\n');
    }
    return execute(command, in.toString(), rows.length);
  }

  /**
   * Runs one process (in a slot, in its directory) and turns what it did into one outcome per
   * row; deletes its own directory when every row succeeded.
   */
  private EvaluationOutcome[] execute(List<String> args, String stdin, int rows) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to run " + commandLine(), e);
    }
    try {
      Path base = workingDirectory == null ? null : Path.of(workingDirectory);
      Path dir = base;
      if (directoryPerCall) {
        Path parent = base != null ? base : Path.of("").toAbsolutePath();
        try {
          dir = OutputFiles.createDirectory(parent, "nnproxy-call-");
        } catch (IOException e) {
          EvaluationOutcome[] out = new EvaluationOutcome[rows];
          Arrays.fill(out, EvaluationOutcome.failed(FailureKind.THROWN, commandLine()
              + ": cannot create a working directory in " + parent + ": " + e));
          return out;
        }
      }
      ProcessResult r = ProcessResult.run(args, stdin, dir, environment, timeout);
      EvaluationOutcome[] out = interpret(r, rows, directoryPerCall ? dir : null);
      if (directoryPerCall && Arrays.stream(out).allMatch(EvaluationOutcome::succeeded)) {
        deleteTree(dir);
      }
      return out;
    } finally {
      slots.release();
    }
  }

  private EvaluationOutcome[] interpret(ProcessResult r, int rows, Path ownDir) {
    EvaluationOutcome[] out = new EvaluationOutcome[rows];
    String problem = null;
    FailureKind kind = null;
    if (r.startError() != null) {
      kind = FailureKind.THROWN;
      problem = "cannot start the program: " + r.startError();
    } else if (r.timedOut()) {
      kind = FailureKind.TIMED_OUT;
      problem = "ran longer than its timeout " + timeout + " and was killed";
    } else if (r.exitStatus() != 0) {
      kind = FailureKind.EXIT_STATUS;
      problem = "exited with status " + r.exitStatus()
          + (r.exitStatus() > 128 ? " (killed by signal " + (r.exitStatus() - 128) + "?)" : "");
    } else if (rows == 1 && r.lines().isEmpty()) {
      kind = FailureKind.GARBLED_OUTPUT;
      problem = "printed nothing on standard output";
    } else if (rows > 1 && r.lines().size() != rows) {
      kind = FailureKind.GARBLED_OUTPUT;
      problem = "printed " + r.lines().size() + " values for " + rows + " rows";
    }
    if (kind != null) {
      Arrays.fill(out, EvaluationOutcome.failed(kind, detail(problem, r, ownDir)));
      return out;
    }
    List<String> lines = r.lines();
    int first = lines.size() - rows;
    for (int i = 0; i < rows; i++) {
      String line = lines.get(first + i);
      EvaluationOutcome o = ValueParser.parse(line);
      if (o == null) {
        String where = rows == 1 ? "the last line of standard output" : "line " + (i + 1)
            + " of standard output";
        o = EvaluationOutcome.failed(FailureKind.GARBLED_OUTPUT,
            detail(where + " is not a number: '" + abbreviate(line) + "'", r, ownDir));
      } else if (!o.succeeded()) {
        o = new EvaluationOutcome(o.value(), o.failure(),
            detail("printed " + line.strip(), r, ownDir));
      }
      out[i] = o;
    }
    return out;
  }

  private String detail(String what, ProcessResult r, Path ownDir) {
    StringBuilder detail = new StringBuilder(commandLine()).append(": ").append(what);
    if (ownDir != null) {
      detail.append("; its working directory is kept: ").append(ownDir);
    }
    if (errorsKept.getAndIncrement() < keptErrors) {
      if (!r.stderrTail().isBlank()) {
        detail.append("; its standard error ends with:\n").append(r.stderrTail().strip());
      }
    } else {
      detail.append(" (standard error is kept for the first ").append(keptErrors)
          .append(" failures only)");
    }
    return detail.toString();
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left behind: a scratch file the program keeps open; harmless
        }
      });
    } catch (IOException e) {
      // the directory went away already
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** Builds an {@link ExternalModel}; not thread-safe. */
  public static final class Builder {
    private final Domain domain;
    private final List<String> command;
    private Protocol protocol = Protocol.PER_POINT;
    private Duration timeout;
    private int concurrency = Runtime.getRuntime().availableProcessors();
    private int rowsPerProcess = DEFAULT_ROWS_PER_PROCESS;
    private Path workingDirectory;
    private boolean directoryPerCall;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int keptErrors = DEFAULT_KEPT_ERRORS;

    private Builder(Domain domain, List<String> command) {
      this.domain = nonNull(domain, "domain");
      nonNull(command, "command");
      if (command.isEmpty()) {
        throw new IllegalArgumentException("command must name a program, but was empty");
      }
      for (int i = 0; i < command.size(); i++) {
        nonNull(command.get(i), "command[" + i + "]");
      }
      this.command = new ArrayList<>(command);
    }

    /**
     * Sets how points are handed over and values read back.
     *
     * @param protocol the protocol; default {@link Protocol#PER_POINT}
     * @return this builder
     */
    public Builder protocol(Protocol protocol) {
      this.protocol = nonNull(protocol, "protocol");
      return this;
    }

    /**
     * Sets how long one process may run before it is killed (with its descendants) and its points
     * count as {@link FailureKind#TIMED_OUT}. Under the batch protocol it covers the whole chunk.
     *
     * @param timeout a positive duration, or null for none (the default)
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Requires.positiveOrNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the largest number of processes that run at once, across all callers.
     *
     * @param n at least 1; default the number of available processors
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder concurrency(int n) {
      this.concurrency = Requires.positive(n, "concurrency");
      return this;
    }

    /**
     * Sets the largest number of points one process of the batch protocol receives.
     *
     * @param n at least 1; default {@value #DEFAULT_ROWS_PER_PROCESS}
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder rowsPerProcess(int n) {
      this.rowsPerProcess = Requires.positive(n, "rowsPerProcess");
      return this;
    }

    /**
     * Sets the directory the processes run in.
     *
     * @param dir an existing directory, or null for the JVM's working directory (the default)
     * @return this builder
     */
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = dir == null ? null : dir.toAbsolutePath().normalize();
      return this;
    }

    /**
     * Gives every process a fresh directory of its own inside the working directory, deleted
     * when the process succeeds and kept when it fails.
     *
     * @param perCall true for a directory per process; default false
     * @return this builder
     */
    public Builder directoryPerCall(boolean perCall) {
      this.directoryPerCall = perCall;
      return this;
    }

    /**
     * Adds a variable to the program's environment (which is the JVM's plus these).
     *
     * @param name the variable's name
     * @param value its value
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is empty or holds '=' or a NUL character
     */
    public Builder environment(String name, String value) {
      nonNull(name, "name");
      nonNull(value, "value");
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
      }
      environment.put(name, value);
      return this;
    }

    /**
     * Sets how many failures keep the tail of the program's standard error in their detail.
     *
     * @param n zero or more; default {@value #DEFAULT_KEPT_ERRORS}
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Builder keptErrors(int n) {
      this.keptErrors = Requires.nonNegative(n, "keptErrors");
      return this;
    }

    /**
     * Builds the model. A program named with a relative path is resolved against the JVM's
     * working directory now, so that a per-call directory does not change what runs.
     *
     * @return the model
     * @throws IllegalArgumentException if the program cannot be found, or the working directory
     *     is not a directory
     */
    public ExternalModel build() {
      String program = command.get(0);
      if (program.indexOf('/') >= 0 || program.indexOf(File.separatorChar) >= 0) {
        Path p = Path.of(program).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException("program not found: " + p);
        }
        if (!Files.isExecutable(p)) {
          throw new IllegalArgumentException("program is not executable: " + p
              + " (chmod +x it, or name its interpreter first, e.g. 'bash " + program + "')");
        }
        command.set(0, p.toString());
      } else if (File.separatorChar == '/' && findOnPath(program) == null) {
        throw new IllegalArgumentException("program '" + program + "' not found on the PATH ("
            + System.getenv("PATH") + ")");
      }
      if (workingDirectory != null && !Files.isDirectory(workingDirectory)) {
        throw new IllegalArgumentException("working directory is not a directory: "
            + workingDirectory);
      }
      return new ExternalModel(this);
    }

    private static Path findOnPath(String program) {
      String path = System.getenv("PATH");
      if (path == null) {
        return null;
      }
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, program);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
      return null;
    }
  }

}
