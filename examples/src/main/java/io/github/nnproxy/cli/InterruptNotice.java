package io.github.nnproxy.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A shutdown hook that, when a long command is stopped (Ctrl-C, SIGINT or SIGTERM) before it
 * ends, prints what is saved and the command that resumes it. The JVM then exits as it does on
 * that signal (130 after SIGINT). {@link #close()} disarms and removes the hook once the command
 * is over, so a command that ends normally, or a test that runs many commands in one JVM, leaves
 * no hook behind.
 *
 * <p>Thread-safe: the hook runs on the JVM's shutdown thread while the command's threads still
 * run; the message is built there from state the command publishes safely (atomic or volatile
 * fields), and disarming is atomic, so the notice is printed at most once.
 *
 * <pre>{@code
 * try (InterruptNotice notice = InterruptNotice.install(err,
 *     () -> "interrupted: " + saved.get() + " runs saved")) {
 *   study.run();
 * }
 * }</pre>
 */
final class InterruptNotice implements AutoCloseable {
  private final AtomicBoolean armed = new AtomicBoolean(true);
  private final Thread hook;

  private InterruptNotice(PrintWriter err, Supplier<String> message) {
    this.hook = new Thread(() -> {
      if (armed.getAndSet(false)) {
        err.println();
        err.println(message.get());
        err.flush();
      }
    }, "nnproxy-interrupt-notice");
  }

  /**
   * Installs the hook.
   *
   * @param err where to print the notice
   * @param message builds the notice when the signal comes
   * @return the installed notice; close it when the command ends
   */
  static InterruptNotice install(PrintWriter err, Supplier<String> message) {
    InterruptNotice n = new InterruptNotice(err, message);
    Runtime.getRuntime().addShutdownHook(n.hook);
    return n;
  }

  /** Disarms and removes the hook; does nothing once the JVM is shutting down. */
  @Override
  public void close() {
    if (armed.getAndSet(false)) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs, disarmed
      }
    }
  }
}
