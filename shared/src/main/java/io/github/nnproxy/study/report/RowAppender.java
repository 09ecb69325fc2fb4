package io.github.nnproxy.study.report;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A study's two append-only files, a run's row and its timing row: each row is one complete line
 * written with a single call to the unbuffered file stream, the timing first, so every run in the
 * runs file has its timing and a crash tears at most the last line. Thread-safe. Shared by {@link
 * RunsCsv} and {@link BudgetCsv}.
 */
public final class RowAppender implements Closeable {
  private final String name;
  private final OutputStream runs;
  private final OutputStream timings;

  private RowAppender(String name, OutputStream runs, OutputStream timings) {
    this.name = name;
    this.runs = runs;
    this.timings = timings;
  }

  /** Opens both files for appending. */
  public static RowAppender open(Path runsFile, Path timingsFile) {
    OutputStream r = null;
    try {
      r = new FileOutputStream(runsFile.toFile(), true);
      return new RowAppender(runsFile.getFileName().toString(), r,
          new FileOutputStream(timingsFile.toFile(), true));
    } catch (IOException e) {
      if (r != null) {
        try {
          r.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
      throw new UncheckedIOException("cannot open " + runsFile + " for appending", e);
    }
  }

  /** Appends one run: its timing row first, then its row. */
  public synchronized void append(List<Object> runRow, List<Object> timingRow) {
    try {
      timings.write(RunsCsv.line(timingRow));
      runs.write(RunsCsv.line(runRow));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + name, e);
    }
  }

  @Override
  public synchronized void close() {
    try (OutputStream a = runs; OutputStream b = timings) {
      // closes both
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}
