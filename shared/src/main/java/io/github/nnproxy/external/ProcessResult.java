package io.github.nnproxy.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one run of an external program did: how it ended, the non-blank lines of its standard
 * output (only the last one when {@code keepAll} was false), and the tail of its standard error.
 * Its three streams are served on their own threads, so a program that writes much before it reads
 * its input, or fills one pipe while nnproxy reads the other, cannot dead-lock.
 */
record ProcessResult(String startError, boolean timedOut, int exitStatus, List<String> lines,
    String stderrTail) {

  /** The number of characters of standard error kept. */
  static final int STDERR_TAIL = 2000;

  /** How long to wait for the output streams to close after the process ended. */
  private static final long DRAIN_MILLIS = 5_000;

  private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "nnproxy-external-io");
    t.setDaemon(true);
    return t;
  });

  /**
   * Runs a program to its end (or its timeout, when it is killed with its descendants).
   *
   * @param args the program and its arguments
   * @param stdin what to write to its standard input, or null to close it at once
   * @param dir its working directory, or null for the JVM's
   * @param env variables added to the JVM's environment
   * @param timeout how long it may run, or null for no limit
   * @return what it did
   * @throws IllegalStateException if the calling thread is interrupted (the program is killed)
   */
  static ProcessResult run(List<String> args, String stdin, Path dir, Map<String, String> env,
      Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(args);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new ProcessResult(e.getMessage(), false, -1, List.of(), "");
    }
    Future<List<String>> out = IO.submit(() -> readLines(p.getInputStream(), stdin != null));
    Future<String> err = IO.submit(() -> tail(p.getErrorStream()));
    Future<?> in = IO.submit(() -> {
      write(p.getOutputStream(), stdin);
      return null;
    });
    boolean timedOut = false;
    try {
      if (timeout == null) {
        p.waitFor();
      } else if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        kill(p);
      }
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", args), e);
    }
    List<String> lines = drain(out, p.getInputStream(), List.of());
    String tail = drain(err, p.getErrorStream(), "");
    in.cancel(true);
    return new ProcessResult(null, timedOut, timedOut ? -1 : p.exitValue(), lines, tail);
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for a reader; a descendant that still holds the pipe open after the program ended gets
   * the stream closed under it.
   */
  private static <T> T drain(Future<T> f, InputStream s, T fallback) {
    try {
      return f.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing is all that is left to try
      }
      try {
        return f.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException again) {
        return fallback;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    } catch (ExecutionException e) {
      return fallback;
    }
  }

  private static List<String> readLines(InputStream s, boolean keepAll) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(s, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (!keepAll) {
          lines.clear();
        }
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String tail(InputStream s) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[4096];
    try (Reader r = new InputStreamReader(s, StandardCharsets.UTF_8)) {
      int n;
      while ((n = r.read(buf)) >= 0) {
        b.append(buf, 0, n);
        if (b.length() > 2 * STDERR_TAIL) {
          b.delete(0, b.length() - STDERR_TAIL);
        }
      }
    }
    return b.length() > STDERR_TAIL ? b.substring(b.length() - STDERR_TAIL) : b.toString();
  }

  private static void write(OutputStream s, String text) {
    try (OutputStream o = s) {
      if (text != null) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the program closed its input or ended early: its exit status and output tell the story
    }
  }
}
