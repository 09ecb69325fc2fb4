package io.github.nnproxy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reports errors as one line on standard error, without a stack trace: usage mistakes (a bad
 * option or value) exit with picocli's usage code 2, failures while working (a missing or corrupt
 * file, a training that fails) with 1.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * cmd.setParameterExceptionHandler(ErrorHandlers.usage());
 * cmd.setExecutionExceptionHandler(ErrorHandlers.failure());
 * }</pre>
 */
public final class ErrorHandlers {
  private ErrorHandlers() {}

  /**
   * Returns the handler of usage errors: prints {@code nnproxy <command>: <message> (see
   * 'nnproxy <command> --help')} and returns the command's usage exit code.
   *
   * @return the handler
   */
  public static IParameterExceptionHandler usage() {
    return (ParameterException ex, String[] args) -> {
      CommandLine cmd = ex.getCommandLine();
      String name = cmd.getCommandSpec().qualifiedName();
      PrintWriter err = cmd.getErr();
      err.println(name + ": " + oneLine(ex) + " (see '" + name + " --help')");
      err.flush();
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    };
  }

  /**
   * Returns the handler of failures in a command's work: prints {@code nnproxy <command>: error:
   * <message>} and returns the command's execution-exception exit code (1).
   *
   * @return the handler
   */
  public static IExecutionExceptionHandler failure() {
    return (Exception ex, CommandLine cmd, ParseResult parsed) -> {
      PrintWriter err = cmd.getErr();
      err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
      err.flush();
      return cmd.getCommandSpec().exitCodeOnExecutionException();
    };
  }

  /**
   * Returns an exception's message on one line, followed by its causes' messages where they add
   * something.
   *
   * @param ex the exception
   * @return the message
   */
  static String oneLine(Throwable ex) {
    StringBuilder sb = new StringBuilder(describe(ex));
    for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String m = describe(c);
      if (sb.indexOf(m) < 0) {
        sb.append(": ").append(m);
      }
    }
    return sb.toString().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
