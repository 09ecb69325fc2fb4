package io.github.nnproxy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates the temporary siblings that nnproxy writes its output files through before moving them
 * into place, with the permissions a plain {@link Files#createFile} gives in the same folder (on
 * POSIX systems: read and write for everyone the process's umask allows). Not API: the package
 * {@code io.github.nnproxy.internal} may change without notice.
 *
 * <p>{@link Files#createTempFile(Path, String, String, java.nio.file.attribute.FileAttribute[])}
 * and {@code createTempDirectory} create owner-only files ({@code rw-------}) whatever the umask;
 * a result file moved into place from one stays unreadable to the user's group, unlike every file
 * the user's other tools write. The names made here have the same form as {@code createTempFile}'s,
 * {@code <prefix><digits><suffix>}, so code that recognizes leftovers of a killed run by that form
 * keeps working.
 *
 * <p>Thread safe: names are unique within the process (the process id and a counter), and a name
 * another process already took is skipped.
 *
 * <pre>{@code
 * OutputFiles.writeAtomically(dir.resolve("summary.md"), text);
 * OutputFiles.writeAtomically(dir.resolve("plot.png"), out -> ImageIO.write(image, "png", out));
 * }</pre>
 */
public final class OutputFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final int ATTEMPTS = 10_000;

  private OutputFiles() {}

  /**
   * Creates a new, empty file {@code <prefix><digits><suffix>} in {@code dir} with the default
   * permissions of {@link Files#createFile} (the umask applies).
   *
   * @param dir the folder, which must exist
   * @param prefix the start of the file name
   * @param suffix the end of the file name
   * @return the new file
   * @throws IOException if the file cannot be created
   */
  public static Path createSibling(Path dir, String prefix, String suffix) throws IOException {
    Requires.nonNull(dir, "dir");
    Requires.nonNull(prefix, "prefix");
    Requires.nonNull(suffix, "suffix");
    FileAlreadyExistsException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return Files.createFile(dir.resolve(uniqueName(prefix, suffix)));
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Creates a new, empty folder {@code <prefix><digits>} in {@code dir} with the default
   * permissions of {@link Files#createDirectory} (the umask applies).
   *
   * @param dir the parent folder, which must exist
   * @param prefix the start of the folder's name
   * @return the new folder
   * @throws IOException if the folder cannot be created
   */
  public static Path createDirectory(Path dir, String prefix) throws IOException {
    Requires.nonNull(dir, "dir");
    Requires.nonNull(prefix, "prefix");
    FileAlreadyExistsException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return Files.createDirectory(dir.resolve(uniqueName(prefix, "")));
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw last;
  }

  /** What a file's content is, written to a stream that {@link #writeAtomically} closes. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the temporary file's stream
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a whole file so that no reader, and no crash, ever sees it half written: the content
   * goes to a temporary sibling made by {@link #createSibling} (named {@code <file
   * name><digits>.tmp}), which is then renamed over {@code file} atomically; the sibling is
   * deleted if anything fails. The folder must exist.
   *
   * @param file the file to write or replace
   * @param content what to write
   * @throws IOException if the file cannot be written or moved into place
   */
  public static void writeAtomically(Path file, Content content) throws IOException {
    Requires.nonNull(content, "content");
    Path target = Requires.nonNull(file, "file").toAbsolutePath();
    Path tmp = createSibling(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes a whole text file atomically, in UTF-8, as {@link #writeAtomically(Path, Content)}.
   *
   * @param file the file to write or replace
   * @param text its content
   * @throws IOException if the file cannot be written or moved into place
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Requires.nonNull(text, "text");
    writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String uniqueName(String prefix, String suffix) {
    return prefix + ProcessHandle.current().pid() + COUNTER.incrementAndGet() + suffix;
  }
}
