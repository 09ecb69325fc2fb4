package io.github.nnproxy.cli;

/**
 * Keeps the managed loop's per-round warnings (a quality gate tripping, a round falling back to
 * local search) out of the console of the commands that run the loop hundreds of times, where
 * they are expected and their outcome is in the report. A user who wants them sets the system
 * property {@value #PROPERTY} (to {@code warn}, {@code info} or {@code debug}) on the command
 * line; the command then leaves it alone.
 */
final class LoopLogging {
  /** slf4j-simple's level property for the managed loop's logger. */
  static final String PROPERTY =
      "org.slf4j.simpleLogger.log.io.github.nnproxy.manage.ManagedOptimization";

  private LoopLogging() {}

  /**
   * Logs only the loop's errors, unless the user chose a level. Must run before the loop's logger
   * is first created in this JVM (slf4j-simple reads the level then), so commands call it first.
   */
  static void errorsOnly() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "error");
    }
  }
}
