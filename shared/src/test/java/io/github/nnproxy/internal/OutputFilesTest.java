package io.github.nnproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary siblings get the permissions of a plain new file and names a killed run is known by. */
class OutputFilesTest {
  @TempDir Path dir;

  /** The permissions of {@code file}, or skips the test on a file system without POSIX ones. */
  static Set<PosixFilePermission> permissions(Path file) throws IOException {
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");
    return Files.getPosixFilePermissions(file);
  }

  @Test
  void siblingHasThePermissionsOfAPlainNewFile() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path tmp = OutputFiles.createSibling(dir, "runs.csv", ".tmp");
    assertEquals(permissions(plain), permissions(tmp));
  }

  @Test
  void directoryHasThePermissionsOfAPlainNewDirectory() throws IOException {
    Path plain = Files.createDirectory(dir.resolve("plain"));
    Path made = OutputFiles.createDirectory(dir, "nnproxy-call-");
    assertTrue(Files.isDirectory(made));
    assertEquals(permissions(plain), permissions(made));
  }

  @Test
  void writeAtomicallyReplacesTheFileLeavesNoSiblingAndHonoursTheUmask() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path file = dir.resolve("summary.md");
    OutputFiles.writeAtomically(file, "first\n");
    OutputFiles.writeAtomically(file, "zweite Fassung, UTF-8: \u00e4\n");
    assertEquals("zweite Fassung, UTF-8: \u00e4\n", Files.readString(file));
    OutputFiles.writeAtomically(dir.resolve("bytes.bin"), out -> out.write(new byte[] {1, 2, 3}));
    assertEquals(3, Files.size(dir.resolve("bytes.bin")));
    try (var files = Files.list(dir)) {
      assertEquals(Set.of("plain.txt", "summary.md", "bytes.bin"),
          files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
    assertEquals(permissions(plain), permissions(file));
  }

  @Test
  void writeAtomicallyKeepsTheOldFileAndNoSiblingWhenWritingFails() throws IOException {
    Path file = dir.resolve("runs.csv");
    OutputFiles.writeAtomically(file, "kept\n");
    assertThrows(IOException.class, () -> OutputFiles.writeAtomically(file, out -> {
      out.write("torn".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("kept\n", Files.readString(file));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void namesHaveTheFormPrefixDigitsSuffix() throws IOException {
    Path tmp = OutputFiles.createSibling(dir, "summary.md", ".tmp");
    assertTrue(tmp.getFileName().toString().matches("summary\\.md\\d+\\.tmp"), tmp.toString());
    assertEquals(dir, tmp.getParent());
    assertEquals(0, Files.size(tmp));
  }

  @Test
  void namesAreUniqueAcrossThreads() {
    Set<Path> made = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 400).parallel().forEach(i -> {
      try {
        made.add(OutputFiles.createSibling(dir, "p", ".tmp"));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    assertEquals(400, made.size());
  }

  @Test
  void rejectsAMissingFolderAndNullArguments() {
    assertThrows(IOException.class,
        () -> OutputFiles.createSibling(dir.resolve("missing"), "a", ".tmp"));
    assertThrows(NullPointerException.class, () -> OutputFiles.createSibling(null, "a", ".tmp"));
    assertThrows(NullPointerException.class, () -> OutputFiles.createSibling(dir, null, ".tmp"));
    assertThrows(NullPointerException.class, () -> OutputFiles.createDirectory(dir, null));
  }
}
