package io.github.nnproxy.study.report;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A study's runs file and its timings file, as the study engine needs them: streamed one atomic
 * row at a time while the study runs ({@link RowAppender}), restored after a crash with a torn
 * last line dropped ({@link RunsCsv#lines}), and rewritten in canonical order at the end ({@link
 * RunsCsv#writeAtomically}). Not API.
 *
 * @param <R> the row type
 */
public interface RunFiles<R> {

  /** What a folder holds: its complete, readable rows (each once), and the lines dropped. */
  record Restored<R>(List<R> rows, int dropped) {}

  /** An open pair of files; {@link #append} is thread-safe. */
  interface Appender<R> extends Closeable {
    /** Appends one row (its timing first), as complete lines. */
    void append(R row);

    @Override
    void close();
  }

  /** The runs file's name, for messages. */
  String name();

  /** Reads what a (possibly interrupted) study left in {@code dir}. */
  Restored<R> restore(Path dir);

  /** Rewrites both files with the rows in the given order. */
  void rewrite(Path dir, List<R> sorted);

  /** Rewrites both files with the kept rows, then opens them for appending. */
  Appender<R> open(Path dir, List<R> kept);

  /**
   * Assembles a pair of files from its operations.
   *
   * @param <R> the row type
   * @param name the runs file's name
   * @param restore reads a folder back
   * @param rewrite rewrites both files in the given order
   * @param open rewrites both files with the kept rows and opens them for appending
   * @return the files
   */
  static <R> RunFiles<R> of(String name, Function<Path, Restored<R>> restore,
      BiConsumer<Path, List<R>> rewrite, BiFunction<Path, List<R>, ? extends Appender<R>> open) {
    return new RunFiles<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Restored<R> restore(Path dir) {
        return restore.apply(dir);
      }

      @Override
      public void rewrite(Path dir, List<R> sorted) {
        rewrite.accept(dir, sorted);
      }

      @Override
      public Appender<R> open(Path dir, List<R> kept) {
        return open.apply(dir, kept);
      }
    };
  }
}
