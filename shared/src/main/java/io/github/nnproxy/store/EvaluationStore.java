package io.github.nnproxy.store;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A durable record of true evaluations: every simulation's point, value or failure, duration and
 * time, written to disk before the value is used, so that a killed run loses nothing and a rerun
 * of the same command resumes where it stopped. A point already in the store is answered from it
 * and never simulated again.
 *
 * <p>Use it by wrapping the truth: {@code store.wrap(truth)} is a forward model that looks every
 * point up first and records every miss as it finishes; {@link
 * io.github.nnproxy.proxy.ProxyTrainer#train(ForwardModel, io.github.nnproxy.sampling.Sampler,
 * int, long, EvaluationStore)} and {@link
 * io.github.nnproxy.manage.ManagedOptimization#run(ForwardModel,
 * io.github.nnproxy.optimize.Optimizer, EvaluationStore)} do it for you. Points are matched
 * exactly, coordinate by coordinate (a seeded sampler draws the same points again, so a rerun
 * finds them).
 *
 * <p><b>Format: one SQLite file.</b> Chosen for real use: a transaction per evaluation in
 * write-ahead-log mode with full synchronization is durable when it returns, a torn last write is
 * rolled back by SQLite's journal on the next open (no hand-written recovery), lookups stay fast
 * with millions of rows, and the file opens in any SQLite client, Python's {@code sqlite3} module
 * or {@code sqlite3 store.db 'select * from evaluations'}, where the coordinates sit in columns
 * {@code x1 ... xd}. {@link #writeCsv(Path)} exports it for spreadsheets and {@code nnproxy train
 * --data}.
 *
 * <p><b>Concurrency.</b> One store serves many threads of one process: concurrent evaluations are
 * serialized at the write, and two threads asking for the same missing point at once run one
 * simulation and share its outcome. A second process (or a second {@code open} in the same JVM)
 * on the same file is refused, with a clear message, through a lock on the sidecar file {@code
 * <file>.lock}, which stays behind after {@link #close()} (deleting it could let two processes hold
 * the lock at once).
 *
 * <p><b>Failures</b> are recorded too, by kind: by default a point whose simulation failed is
 * answered with the same failure and not run again ({@link FailurePolicy#REPLAY}); {@link
 * FailurePolicy#RETRY} runs it again and records the new outcome, which then answers. A
 * simulation that is interrupted (its caller was cancelled) is not recorded.
 *
 * <pre>{@code
 * try (EvaluationStore store = EvaluationStore.open(Path.of("runs.db"), sim.domain())) {
 *   Proxy proxy = ProxyTrainer.defaults().train(sim, Samplers.latinHypercube(), 2000, 1, store);
 *   System.out.println(store.simulations() + " simulated, " + store.answered() + " from the store");
 * }
 * }</pre>
 */
public final class EvaluationStore implements AutoCloseable {
  /** The version of the file's layout, kept in its {@code meta} table. */
  public static final int FORMAT_VERSION = 1;

  /** What a wrapped model does with a point whose recorded simulation failed. */
  public enum FailurePolicy {
    /** Answer with the recorded failure; never run a point twice (the default). */
    REPLAY,
    /** Run the point again and record the new outcome. */
    RETRY
  }

  private final Path file;
  private final Domain domain;
  private final Connection db;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final PreparedStatement insert;
  private final Map<String, EvaluationOutcome> latest = new ConcurrentHashMap<>();
  private final AtomicLong simulations = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private volatile boolean closed;

  private EvaluationStore(Path file, Domain domain, Connection db, FileChannel lockChannel,
      FileLock lock) throws SQLException {
    this.file = file;
    this.domain = domain;
    this.db = db;
    this.lockChannel = lockChannel;
    this.lock = lock;
    int d = domain.dimension();
    StringBuilder cols = new StringBuilder("point");
    StringBuilder marks = new StringBuilder("?");
    for (int j = 1; j <= d; j++) {
      cols.append(", x").append(j);
      marks.append(", ?");
    }
    this.insert = db.prepareStatement("INSERT INTO evaluations (" + cols
        + ", value, failure, detail, duration_ms, finished_at) VALUES (" + marks
        + ", ?, ?, ?, ?, ?)");
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT point, value, failure, detail FROM evaluations "
            + "ORDER BY id")) {
      while (rs.next()) {
        latest.put(rs.getString(1), outcome(rs, 2));
      }
    }
  }

  /**
   * Opens a store, creating the file if it does not exist.
   *
   * @param file the SQLite file, e.g. {@code runs.db}; its folder is created if needed
   * @param domain the domain of the model whose evaluations it records; an existing store must
   *     have been created for the same domain
   * @return the open store; close it when done
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the file holds another domain's evaluations, is not a
   *     store, or was written by a newer nnproxy
   * @throws IllegalStateException if another process, or another open store in this JVM, uses the
   *     file
   * @throws UncheckedIOException if the file cannot be created or read
   */
  public static EvaluationStore open(Path file, Domain domain) {
    nonNull(file, "file");
    nonNull(domain, "domain");
    return openStore(file, domain);
  }

  /**
   * Opens an existing store with the domain it was created for, e.g. to read or export it.
   *
   * @param file the SQLite file
   * @return the open store; close it when done
   * @throws IllegalArgumentException if the file does not exist or is not a store
   * @throws IllegalStateException if another process, or another open store in this JVM, uses the
   *     file
   */
  public static EvaluationStore open(Path file) {
    nonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no evaluation store at " + file.toAbsolutePath());
    }
    return openStore(file, null);
  }

  private static EvaluationStore openStore(Path file, Domain domain) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException("evaluation store must be a file, but " + abs
          + " is a directory");
    }
    FileChannel ch = null;
    FileLock lock = null;
    Connection db = null;
    try {
      Path parent = abs.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        throw new IllegalStateException("evaluation store " + abs + " is already open in this "
            + "JVM; share that EvaluationStore instead of opening the file twice");
      }
      if (lock == null) {
        throw new IllegalStateException("evaluation store " + abs + " is in use by another "
            + "process (it holds " + lockFile + "); wait for it to finish, or use another file");
      }
      boolean existed = Files.exists(abs) && Files.size(abs) > 0;
      db = DriverManager.getConnection("jdbc:sqlite:" + abs);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
      }
      Domain d = existed ? readDomain(db, abs) : null;
      if (d == null) {
        if (domain == null) {
          throw new IllegalArgumentException("no evaluation store at " + abs);
        }
        create(db, domain);
        d = domain;
      } else if (domain != null && !d.equals(domain)) {
        throw new IllegalArgumentException("evaluation store " + abs + " holds evaluations on "
            + d + ", but the model's domain is " + domain + "; use another file");
      }
      return new EvaluationStore(abs, d, db, ch, lock);
    } catch (IOException e) {
      closeQuietly(db, ch);
      throw new UncheckedIOException("cannot open evaluation store " + abs + ": " + e.getMessage(),
          e);
    } catch (SQLException e) {
      closeQuietly(db, ch);
      throw new IllegalArgumentException("cannot open evaluation store " + abs + ": "
          + e.getMessage() + " (is it an SQLite file written by nnproxy?)", e);
    } catch (RuntimeException e) {
      closeQuietly(db, ch);
      throw e;
    }
  }

  private static Domain readDomain(Connection db, Path file) throws SQLException {
    Map<String, String> meta = new HashMap<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet t = s.executeQuery(
          "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'")) {
        if (!t.next()) {
          throw new IllegalArgumentException(file + " is an SQLite file but not an nnproxy "
              + "evaluation store (it has no meta table)");
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
        while (rs.next()) {
          meta.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    int version = Integer.parseInt(meta.getOrDefault("format", "0"));
    if (version > FORMAT_VERSION || version < 1) {
      throw new IllegalArgumentException("evaluation store " + file + " has format " + version
          + ", but this nnproxy reads format " + FORMAT_VERSION);
    }
    return Domain.of(parse(meta.get("lower")), parse(meta.get("upper")));
  }

  private static void create(Connection db, Domain domain) throws SQLException {
    int d = domain.dimension();
    StringBuilder cols = new StringBuilder();
    for (int j = 1; j <= d; j++) {
      cols.append(" x").append(j).append(" REAL NOT NULL,");
    }
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("CREATE TABLE evaluations (id INTEGER PRIMARY KEY, point TEXT NOT NULL," + cols
          + " value REAL, failure TEXT, detail TEXT, duration_ms REAL, finished_at TEXT NOT NULL)");
      s.execute("CREATE INDEX evaluations_point ON evaluations (point)");
      try (PreparedStatement m = db.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
        String[][] rows = {{"format", Integer.toString(FORMAT_VERSION)},
            {"dimension", Integer.toString(d)}, {"lower", key(domain.lower())},
            {"upper", key(domain.upper())}, {"created_at", Instant.now().toString()}};
        for (String[] r : rows) {
          m.setString(1, r[0]);
          m.setString(2, r[1]);
          m.executeUpdate();
        }
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /**
   * Returns a forward model that answers from this store and simulates (and records) only the
   * points it does not hold; a recorded failure is answered with the same failure.
   *
   * @param model the truth; its domain must be the store's
   * @return the wrapped model, {@link ForwardModel#batched()} when {@code model} is
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if the model's domain is not the store's
   */
  public ForwardModel wrap(ForwardModel model) {
    return wrap(model, FailurePolicy.REPLAY);
  }

  /**
   * Returns a forward model that answers from this store and simulates (and records) only the
   * points it does not hold, treating recorded failures as {@code policy} says.
   *
   * @param model the truth; its domain must be the store's
   * @param policy what to do with a point whose recorded simulation failed
   * @return the wrapped model, {@link ForwardModel#batched()} when {@code model} is
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the model's domain is not the store's
   */
  public ForwardModel wrap(ForwardModel model, FailurePolicy policy) {
    nonNull(model, "model");
    nonNull(policy, "policy");
    if (!model.domain().equals(domain)) {
      throw new IllegalArgumentException("model " + model + " has domain " + model.domain()
          + ", but evaluation store " + file + " holds evaluations on " + domain);
    }
    return new StoredModel(this, model, policy);
  }

  /**
   * Returns the recorded outcome of a point (the latest, if it was simulated more than once).
   *
   * @param x the point, matched exactly
   * @return its outcome, or empty if it was never simulated
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  public Optional<EvaluationOutcome> lookup(double[] x) {
    Requires.point(x, domain.dimension(), "x");
    return Optional.ofNullable(latest.get(key(x)));
  }

  /**
   * Appends an evaluation durably: when this returns, the record survives a crash of the process
   * or the machine. Wrapped models call it for every simulation; call it yourself to import
   * evaluations made elsewhere.
   *
   * @param x the point
   * @param outcome its outcome
   * @param elapsed how long the simulation took, or null if unknown
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   * @throws IllegalStateException if the store is closed
   * @throws UncheckedIOException if the record cannot be written (the disk is full, say)
   */
  public void record(double[] x, EvaluationOutcome outcome, Duration elapsed) {
    Requires.point(x, domain.dimension(), "x");
    nonNull(outcome, "outcome");
    String key = key(x);
    synchronized (db) {
      if (closed) {
        throw new IllegalStateException("evaluation store " + file + " is closed");
      }
      try {
        int c = 1;
        insert.setString(c++, key);
        for (double v : x) {
          insert.setDouble(c++, v);
        }
        double value = outcome.value();
        if (Double.isNaN(value)) {
          insert.setNull(c++, Types.REAL);
        } else {
          insert.setDouble(c++, value);
        }
        if (outcome.failure() == null) {
          insert.setNull(c++, Types.VARCHAR);
        } else {
          insert.setString(c++, outcome.failure().name());
        }
        insert.setString(c++, outcome.detail());
        if (elapsed == null) {
          insert.setNull(c++, Types.REAL);
        } else {
          insert.setDouble(c++, elapsed.toNanos() / 1e6);
        }
        insert.setString(c, Instant.now().toString());
        insert.executeUpdate();
      } catch (SQLException e) {
        throw new UncheckedIOException(new IOException("cannot record an evaluation in " + file
            + ": " + e.getMessage(), e));
      }
      latest.put(key, outcome);
    }
  }

  /**
   * Returns every record, in the order they were written.
   *
   * @return the records
   * @throws IllegalStateException if the store is closed
   */
  public List<StoredEvaluation> records() {
    int d = domain.dimension();
    List<StoredEvaluation> out = new ArrayList<>();
    synchronized (db) {
      if (closed) {
        throw new IllegalStateException("evaluation store " + file + " is closed");
      }
      StringBuilder cols = new StringBuilder();
      for (int j = 1; j <= d; j++) {
        cols.append("x").append(j).append(", ");
      }
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT " + cols
              + "value, failure, detail, duration_ms, finished_at FROM evaluations ORDER BY id")) {
        while (rs.next()) {
          double[] x = new double[d];
          for (int j = 0; j < d; j++) {
            x[j] = rs.getDouble(j + 1);
          }
          EvaluationOutcome o = outcome(rs, d + 1);
          double ms = rs.getDouble(d + 4);
          Duration took = rs.wasNull() ? null : Duration.ofNanos(Math.round(ms * 1e6));
          out.add(new StoredEvaluation(x, o, took, Instant.parse(rs.getString(d + 5))));
        }
      } catch (SQLException e) {
        throw new UncheckedIOException(new IOException("cannot read " + file + ": "
            + e.getMessage(), e));
      }
    }
    return out;
  }

  /**
   * Writes every record as CSV: columns {@code x1 ... xd, value, failure, duration_ms,
   * finished_at}, coordinates and values printed exactly ({@link Double#toString(double)}), an
   * empty value for a failure without one. {@code nnproxy train --data FILE} trains on it.
   *
   * @param csv the file to write (replaced if it exists)
   * @throws UncheckedIOException if it cannot be written
   */
  public void writeCsv(Path csv) {
    nonNull(csv, "csv");
    int d = domain.dimension();
    List<String> header = new ArrayList<>();
    for (int j = 1; j <= d; j++) {
      header.add("x" + j);
    }
    header.addAll(List.of("value", "failure", "duration_ms", "finished_at"));
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n').get().print(w)) {
      for (StoredEvaluation e : records()) {
        List<String> row = new ArrayList<>(d + 4);
        for (double v : e.point()) {
          row.add(Double.toString(v));
        }
        EvaluationOutcome o = e.outcome();
        row.add(Double.isNaN(o.value()) ? "" : Double.toString(o.value()));
        row.add(o.failure() == null ? "" : o.failure().name());
        row.add(e.duration().map(t -> Double.toString(t.toNanos() / 1e6)).orElse(""));
        row.add(e.finishedAt().toString());
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the number of distinct points recorded.
   *
   * @return the number of points
   */
  public int size() {
    return latest.size();
  }

  /**
   * Returns how many simulations models wrapped by this store ran since it was opened.
   *
   * @return the number of simulations
   */
  public long simulations() {
    return simulations.get();
  }

  /**
   * Returns how many evaluations models wrapped by this store answered from it since it was
   * opened, without a simulation.
   *
   * @return the number of answers from the store
   */
  public long answered() {
    return answered.get();
  }

  /**
   * Returns the domain of the recorded evaluations.
   *
   * @return the domain
   */
  public Domain domain() {
    return domain;
  }

  /**
   * Returns the store's file.
   *
   * @return the absolute path
   */
  public Path file() {
    return file;
  }

  /**
   * Closes the database and releases the lock. Everything recorded is on disk already.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (db) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        insert.close();
      } catch (SQLException e) {
        // closing the connection below closes it too
      }
      closeQuietly(db, null);
      try {
        lock.release();
      } catch (IOException e) {
        // released when the channel closes
      }
      closeQuietly(null, lockChannel);
    }
  }

  @Override
  public String toString() {
    return "EvaluationStore[" + file + ", " + size() + " points]";
  }

  EvaluationOutcome cached(String key) {
    return latest.get(key);
  }

  void countSimulation() {
    simulations.incrementAndGet();
  }

  void countAnswer() {
    answered.incrementAndGet();
  }

  /** The exact text of a point: its coordinates as {@link Double#toString}, comma separated. */
  static String key(double[] x) {
    StringBuilder b = new StringBuilder(x.length * 20);
    for (int j = 0; j < x.length; j++) {
      if (j > 0) {
        b.append(',');
      }
      b.append(x[j]);
    }
    return b.toString();
  }

  private static double[] parse(String key) {
    if (key == null) {
      throw new IllegalArgumentException("evaluation store has no domain in its meta table");
    }
    return Arrays.stream(key.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static EvaluationOutcome outcome(ResultSet rs, int valueColumn) throws SQLException {
    double v = rs.getDouble(valueColumn);
    boolean noValue = rs.wasNull();
    String failure = rs.getString(valueColumn + 1);
    String detail = rs.getString(valueColumn + 2);
    if (failure == null) {
      return EvaluationOutcome.of(v);
    }
    FailureKind kind = FailureKind.valueOf(failure);
    if (kind == FailureKind.INFINITE && noValue) {
      throw new SQLException("an INFINITE failure without its value");
    }
    return new EvaluationOutcome(kind == FailureKind.INFINITE ? v : Double.NaN, kind, detail);
  }

  private static void closeQuietly(Connection db, FileChannel ch) {
    if (db != null) {
      try {
        db.close();
      } catch (SQLException e) {
        // nothing left to save
      }
    }
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing left to save
      }
    }
  }
}
