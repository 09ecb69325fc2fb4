package io.github.nnproxy.cli;

import picocli.CommandLine;

/**
 * The entry point of {@code nnproxy.jar}: {@code java -jar nnproxy.jar [command] [options]}.
 *
 * <p>Stateless.
 *
 * <pre>{@code
 * java -jar examples/target/nnproxy.jar study --preset quick --out results
 * }</pre>
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its code: 0 on success, 2 on a usage error, 1 on a
   * failure.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the {@code nnproxy} command line with its one-line error handlers; tests call {@link
   * CommandLine#execute} on it with their own writers.
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new NnproxyCommand());
    cmd.setParameterExceptionHandler(ErrorHandlers.usage());
    cmd.setExecutionExceptionHandler(ErrorHandlers.failure());
    cmd.setUsageHelpAutoWidth(true);
    return cmd;
  }
}
