package io.github.nnproxy.cli;

import io.github.nnproxy.proxy.Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks the files and folders a command is about to write before it starts its long work, so
 * that a typo or a read-only folder fails at once with the cause named ("permission denied",
 * "parent folder does not exist", "is a file, not a folder") instead of after minutes of training
 * with the name of a temporary file.
 *
 * <p>Writability is probed by creating and deleting an empty temporary file, the only test that
 * also sees read-only file systems, ACLs and a user who is root. Problems of the file system are
 * failures (exit code 1, {@link IllegalStateException}); a file the user did not mean to
 * overwrite is a usage error (exit code 2, {@link ParameterException}) with the option that
 * overrides it. Stateless and thread-safe.
 *
 * <pre>{@code
 * OutputPaths.checkProxyFile(cmd, "--out", Path.of("notes.txt"), false, false);  // refuses
 * OutputPaths.checkFolder("--out", Path.of("results"));
 * }</pre>
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * Checks a file that a command will write a proxy to.
   *
   * @param cmd the command line, for usage errors
   * @param option the option that named the file, e.g. {@code --out}
   * @param file the file
   * @param force whether the user allowed overwriting a file that is not a proxy
   * @param createParent whether a missing parent folder is created (the default output folder)
   *     rather than refused (a folder the user typed, perhaps wrongly)
   * @throws ParameterException if the file exists, is not a proxy and {@code force} is false
   * @throws IllegalStateException if the file is a folder, or it cannot be written
   */
  static void checkProxyFile(CommandLine cmd, String option, Path file, boolean force,
      boolean createParent) {
    if (Files.isDirectory(file)) {
      throw new IllegalStateException(option + " " + file + " is a folder, not a file: give "
          + "the proxy file's name, e.g. " + file.resolve("proxy.nnproxy"));
    }
    if (Files.exists(file) && !force && !isProxy(file)) {
      throw new ParameterException(cmd, option + " " + file + " exists and is not a proxy file "
          + "written by nnproxy train: use --force to overwrite it, or give another " + option);
    }
    checkParent(option, file, createParent);
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new IllegalStateException(option + " " + file + ": permission denied (the file is "
          + "read-only)");
    }
  }

  /**
   * Checks a file that a command will create or update (a store), whose parent must exist.
   *
   * @param option the option that named the file, e.g. {@code --store}
   * @param file the file
   * @throws IllegalStateException if the file is a folder, or it cannot be written
   */
  static void checkFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalStateException(option + " " + file + " is a folder, not a file");
    }
    checkParent(option, file, false);
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new IllegalStateException(option + " " + file + ": permission denied (the file is "
          + "read-only)");
    }
  }

  /**
   * Checks a folder that a command will write its results to: it is created if missing (its
   * parent must exist), and it must be writable.
   *
   * @param option the option that named the folder, e.g. {@code --out}
   * @param dir the folder
   * @throws IllegalStateException if the path is a file, its parent is missing, or it cannot be
   *     written
   */
  static void checkFolder(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalStateException(option + " " + dir + " is a file, not a folder: give a "
          + "folder for the results (it is created if missing)");
    }
    if (Files.isDirectory(dir)) {
      probe(option + " " + dir, dir);
      return;
    }
    checkParent(option, dir, false);
  }

  /** The parent of a path to be created must be a writable folder. */
  private static void checkParent(String option, Path path, boolean create) {
    Path parent = path.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      return;
    }
    if (create && !Files.exists(parent)) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new IllegalStateException(option + " " + path + ": cannot create the folder "
            + parent + ": " + reason(e));
      }
    }
    if (!Files.exists(parent)) {
      throw new IllegalStateException(option + " " + path + ": parent folder does not exist: "
          + parent + " (create it first, or give another " + option + ")");
    }
    if (!Files.isDirectory(parent)) {
      throw new IllegalStateException(option + " " + path + ": " + parent + " is a file, not a "
          + "folder");
    }
    probe(option + " " + path, parent);
  }

  /** Creates and deletes an empty file in a folder, to learn whether it can be written. */
  private static void probe(String what, Path dir) {
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".nnproxy-write-check", ".tmp");
    } catch (IOException e) {
      // no cause: its message is the probe's file name, which would only mislead
      throw new IllegalStateException(what + ": cannot write in " + dir.toAbsolutePath()
          .normalize() + ": " + reason(e));
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + tmp, e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "parent folder does not exist";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      String r = fs.getReason();
      return r.toLowerCase(java.util.Locale.ROOT).contains("read-only")
          ? "permission denied (" + r + ")" : r;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean isProxy(Path file) {
    try {
      Proxy.load(file);
      return true;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return false;
    }
  }
}
