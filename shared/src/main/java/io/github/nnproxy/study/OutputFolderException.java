package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.nio.file.Path;

/**
 * A study or benchmark refused its output folder before it did any work: another run holds it,
 * it holds results and resume is off, or it holds the results of another or an unknown
 * configuration. A caller catches it to say what to do next (a command line prints the command to
 * run in a new folder); the message alone already says what was refused and why.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * try {
 *   study.run();
 * } catch (OutputFolderException e) {
 *   if (e.reason() == OutputFolderException.Reason.OTHER_CONFIGURATION) { ... }
 * }
 * }</pre>
 */
public final class OutputFolderException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Why the folder was refused. */
  public enum Reason {
    /** Another study or benchmark is running in it. */
    LOCKED,
    /** It holds results and resume is off. */
    RESUME_OFF,
    /** It holds the results of another configuration. */
    OTHER_CONFIGURATION,
    /** It holds results but no description of their configuration. */
    UNKNOWN_CONFIGURATION
  }

  /** The folder; a {@link Path} is not serializable, so its text is kept. */
  private final String folder;
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the folder was refused
   * @param folder the folder
   * @param message what was refused and why
   * @throws NullPointerException if an argument is null
   */
  public OutputFolderException(Reason reason, Path folder, String message) {
    super(message);
    this.reason = nonNull(reason, "reason");
    this.folder = nonNull(folder, "folder").toString();
  }

  /**
   * Returns why the folder was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the refused folder.
   *
   * @return the folder, as the study was given it
   */
  public Path folder() {
    return Path.of(folder);
  }
}
