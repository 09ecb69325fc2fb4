package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a study writes, and a saved proxy, has the permissions of a plain
 * {@link Files#createFile} in the same folder: the user's umask applies, as it does to the files
 * of any other tool (atomic writes through {@code Files.createTempFile} made them owner-only).
 */
class OutputPermissionsTest {
  @TempDir Path tmp;

  static Set<PosixFilePermission> permissions(Path file) throws IOException {
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");
    return Files.getPosixFilePermissions(file);
  }

  @Test
  void studyFilesHaveThePermissionsOfAPlainNewFile() throws IOException {
    Path out = tmp.resolve("study");
    StabilityStudy.builder()
        .function(d -> Benchmarks.byName("sphere", d))
        .dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM)
        .optimizer(new SearchOptimizer("search-pso", 50, 2), SeedColumn.PSO)
        .seeds(3)
        .baseSize(200)
        .trainer(f -> StabilityStudyTest.FAST)
        .threads(1)
        .plots(true)
        .output(out)
        .build()
        .run();
    Set<PosixFilePermission> plain = permissions(Files.createFile(out.resolve("plain")));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.endsWith("plain")).toList();
    }
    for (String name : List.of("runs.csv", "timings.csv", "summary.csv", "summary.md",
        "study-config.txt")) {
      assertTrue(files.contains(out.resolve(name)), name + " missing from " + files);
    }
    assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".png")), "no plot: " + files);
    assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".nnproxy")), "no proxy");
    for (Path f : files) {
      assertEquals(plain, permissions(f), out.relativize(f).toString());
    }
  }

  @Test
  void savedProxyHasThePermissionsOfAPlainNewFile() throws IOException {
    Proxy proxy = StabilityStudyTest.FAST.train(Benchmarks.byName("sphere", 2),
        Samplers.uniform(), 200, 1L);
    Path saved = tmp.resolve("sphere.nnproxy");
    proxy.save(saved);
    proxy.save(saved);   // the second save replaces the file through a new temporary sibling
    assertEquals(permissions(Files.createFile(tmp.resolve("plain"))), permissions(saved));
  }
}
