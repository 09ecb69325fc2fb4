package io.github.nnproxy.study;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.study.report.MarkdownReport;
import io.github.nnproxy.study.report.RunsCsv;
import io.github.nnproxy.study.report.SummaryCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a study's output folder: writes {@value #CONFIG}, a canonical description of the
 * configuration that determines the results, and refuses to mix the results of two different
 * configurations in one folder.
 *
 * <p>The description holds what the results depend on: functions (name, domain, optimum) and
 * dimensions, sampling schemes and their sample sizes, optimizer labels with their {@link
 * io.github.nnproxy.optimize.Optimizer#name() names}, {@link
 * io.github.nnproxy.optimize.Optimizer#description() settings} and seed columns, the seeds, the
 * proxy seed,
 * the base size and every trainer's settings (except its seed, which the study replaces, and its
 * threads). Thread count, listener and plot options are not part of it: the results do not depend
 * on them. Classes are not part of it either, so a wrapper (a logging or counting decorator) of the
 * same function or optimizer resumes its study. An optimizer's own settings are only seen through
 * its name: give differently configured optimizers different names. Stateless.
 */
final class StudyFolder {
  private static final Logger LOG = LoggerFactory.getLogger(StudyFolder.class);
  /** The file holding the configuration's description. */
  static final String CONFIG = "study-config.txt";
  /** Bumped when the files' format or the meaning of a setting changes. */
  static final int FORMAT = 1;
  private static final String[] RESULTS = {CONFIG, RunsCsv.RUNS, RunsCsv.TIMINGS,
      SummaryCsv.SUMMARY, SummaryCsv.PROXIES, MarkdownReport.FILE};

  /** The file a running study locks, so that two studies never share a folder at once. */
  static final String LOCK = "study.lock";

  private StudyFolder() {}

  /** An exclusive lock of a study folder; closing releases it. */
  interface Lock extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Locks the folder for one study run, with an OS file lock on {@value #LOCK}: the lock is
   * released when the study ends, and also when its process dies (even by SIGKILL), so a killed
   * study never blocks its resumption. The lock file itself stays.
   *
   * @throws OutputFolderException if another study, in this or another process, holds the lock
   * @throws UncheckedIOException if the folder or the lock file cannot be created
   */
  static Lock lock(Path out) {
    Path file = out.resolve(LOCK);
    FileChannel channel = null;
    try {
      Files.createDirectories(out);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM
      }
      if (lock == null) {
        throw new OutputFolderException(OutputFolderException.Reason.LOCKED, out,
            "another study is running in " + out + " (it holds "
            + file + "). Wait for it to end, or use another output folder.");
      }
      FileChannel held = channel;
      return () -> {
        try {
          held.close(); // releases the lock
        } catch (IOException e) {
          throw new UncheckedIOException("cannot release " + file, e);
        }
      };
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }

  /**
   * Makes the folder ready for {@code study}: creates it, checks what it holds, removes temporary
   * files a killed study left behind, and writes {@value #CONFIG} if it is new.
   *
   * @return true if the folder holds results of this configuration to resume from
   * @throws IllegalStateException if the folder holds results and {@code study.resume()} is
   *     false, or it holds results of another configuration or of an unknown one
   * @throws UncheckedIOException if the folder cannot be read or written
   */
  static boolean prepare(StabilityStudy study) {
    return prepareWithProxies(study.output(), describe(study), study.resume(), RESULTS);
  }

  /**
   * Makes the folder of a study with a {@code proxies/} subfolder ready: as {@link #prepare(Path,
   * String, boolean, List)}, with the saved proxies counted as results, and the temporary files
   * of {@code proxies/} removed too.
   *
   * @param results the names of the study's result files
   */
  static boolean prepareWithProxies(Path out, String description, boolean resume,
      String... results) {
    Path proxies = out.resolve("proxies");
    try {
      Files.createDirectories(proxies);
      boolean resuming = prepare(out, description, resume, results(out, proxies, results));
      cleanTemporaryFiles(proxies);
      return resuming;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + out, e);
    }
  }

  /**
   * Makes a folder ready for a study of any kind whose configuration is described by {@code
   * description}: creates it, refuses results it may not touch, removes the temporary files a
   * killed study left behind, and writes {@value #CONFIG} if it is new.
   *
   * @param out the output folder
   * @param description the canonical description of the configuration (one {@code key = value}
   *     line per setting)
   * @param resume whether results of the same configuration may be resumed
   * @param found the study's result files present in the folder, by name
   * @return true if the folder holds results of this configuration to resume from
   * @throws OutputFolderException if the folder holds results and {@code resume} is false, or it
   *     holds results of another configuration or of an unknown one
   * @throws UncheckedIOException if the folder cannot be read or written
   */
  static boolean prepare(Path out, String description, boolean resume, List<String> found) {
    try {
      Files.createDirectories(out);
      Path config = out.resolve(CONFIG);
      if (!found.isEmpty() && !resume) {
        throw new OutputFolderException(OutputFolderException.Reason.RESUME_OFF, out,
            "the output folder " + out + " already holds study results"
            + " (" + String.join(", ", found) + ") and resume is off, so nothing is overwritten."
            + " Choose a new output folder, delete " + out + ", or turn resume on to continue"
            + " that study.");
      }
      if (!found.isEmpty() && !Files.exists(config)) {
        throw new OutputFolderException(OutputFolderException.Reason.UNKNOWN_CONFIGURATION, out,
            "the output folder " + out + " holds study results ("
            + String.join(", ", found) + ") but no " + CONFIG + ", so it cannot be told whether"
            + " they belong to this configuration. Choose a new output folder or delete " + out
            + ".");
      }
      cleanTemporaryFiles(out);
      if (Files.exists(config)) {
        String before = Files.readString(config, StandardCharsets.UTF_8);
        if (!before.equals(description)) {
          throw new OutputFolderException(OutputFolderException.Reason.OTHER_CONFIGURATION, out,
              "the output folder " + out + " holds the results of"
              + " another study configuration; " + differences(before, description) + ". Results"
              + " of different configurations are never mixed: to run this configuration, choose"
              + " a new output folder or delete " + out + "; to resume the old study, run it with"
              + " its old configuration.");
        }
        return true;
      }
      OutputFiles.writeAtomically(config, description);
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + out, e);
    }
  }

  /** The study's results present in the folder, by file name. */
  private static List<String> results(Path out, Path proxies, String... results)
      throws IOException {
    List<String> found = new ArrayList<>();
    for (String name : results) {
      if (Files.exists(out.resolve(name))) {
        found.add(name);
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(proxies, "*.nnproxy")) {
      for (Path p : ds) {
        found.add("proxies/" + p.getFileName());
      }
    }
    return found;
  }

  /**
   * Deletes the temporary files of {@link RunsCsv#writeAtomically}, {@link MarkdownReport} and
   * {@code Proxy.save} that a killed study can leave: {@code <name><digits>.tmp}.
   */
  private static void cleanTemporaryFiles(Path dir) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tmp")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.matches(".*(\\.csv|\\.md|\\.txt|\\.nnproxy)-?\\d+\\.tmp")) {
          LOG.info("removing {}, left by an interrupted study", p);
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Returns the canonical description of the configuration: one {@code key = value} line per
   * setting that the results depend on, in a fixed order.
   */
  static String describe(StabilityStudy study) {
    StringBuilder s = new StringBuilder();
    s.append("# nnproxy stability study: the configuration of the results in this folder.\n")
        .append("# A study with another configuration refuses to run here. Do not edit.\n");
    grid(s, study);
    for (StudyOptimizer o : study.optimizers()) {
      line(s, "optimizer " + o.label(), "name " + o.optimizer().name() + ", seed column "
          + o.column() + ", settings " + o.optimizer().description());
    }
    cells(s, study);
    return s.toString();
  }

  /** The grid's lines of a description: format, functions, dimensions, schemes, seeds, proxies. */
  static void grid(StringBuilder s, StudyGrid study) {
    line(s, "format", FORMAT);
    line(s, "functions", String.join(", ", study.functionNames()));
    line(s, "dimensions", Arrays.stream(study.dimensions()).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ")));
    line(s, "schemes", study.schemes().stream()
        .map(sc -> sc.label() + " (" + sc.sampleSize(study.baseSize()) + " points)")
        .collect(Collectors.joining(", ")));
    line(s, "seeds", Arrays.stream(study.seeds()).mapToObj(Long::toString)
        .collect(Collectors.joining(", ")));
    line(s, "proxy seed", study.proxySeed());
    line(s, "base size", study.baseSize());
  }

  /** The cells' lines of a description: each function's domain and optimum, and its trainer. */
  static void cells(StringBuilder s, StudyGrid study) {
    for (BenchmarkFunction f : study.problems()) {
      String cell = f.name() + " " + f.domain().dimension() + "-D";
      line(s, "function " + cell, f.domain() + ", optimum "
          + Arrays.toString(f.optimum()) + ", optimal value " + f.optimalValue());
      line(s, "trainer " + cell, trainer(study.trainer(f)));
    }
  }

  /** The trainer's settings that change a proxy; its seed is replaced, its threads do not count. */
  static String trainer(ProxyTrainer t) {
    return t.algorithm() + ", hidden layers " + Arrays.toString(t.hiddenLayers()) + ", epochs "
        + t.epochs() + ", batch size " + t.batchSize() + ", learning rate " + t.learningRate()
        + ", validation fraction " + t.validationFraction() + ", patience " + t.patience()
        + ", evaluation timeout " + t.evaluationTimeout().map(Object::toString).orElse("none")
        + ", min valid fraction " + t.minValidFraction();
  }

  static void line(StringBuilder s, String key, Object value) {
    s.append(key).append(" = ").append(value).append('\n');
  }

  /** Names what changed between two descriptions, at most five settings. */
  static String differences(String before, String now) {
    Map<String, String> a = parse(before);
    Map<String, String> b = parse(now);
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      String v = b.get(e.getKey());
      if (v == null) {
        changes.add("'" + e.getKey() + "' was " + e.getValue() + ", now absent");
      } else if (!v.equals(e.getValue())) {
        changes.add("'" + e.getKey() + "' was " + e.getValue() + ", now " + v);
      }
    }
    for (Map.Entry<String, String> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        changes.add("'" + e.getKey() + "' is new: " + e.getValue());
      }
    }
    if (changes.isEmpty()) {
      return "its " + CONFIG + " differs from this configuration's in layout";
    }
    int shown = Math.min(5, changes.size());
    return "changed: " + String.join("; ", changes.subList(0, shown))
        + (changes.size() > shown ? "; and " + (changes.size() - shown) + " more" : "");
  }

  /** The {@code key = value} lines of a description; a repeated key's values joined by ' | '. */
  static Map<String, String> parse(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : text.split("\n")) {
      int eq = l.indexOf(" = ");
      if (!l.startsWith("#") && eq > 0) {
        m.merge(l.substring(0, eq), l.substring(eq + 3), (x, y) -> x + " | " + y);
      }
    }
    return m;
  }

  /** Tells whether a loaded proxy fits a cell: same domain. */
  static boolean fits(io.github.nnproxy.proxy.Proxy p, BenchmarkFunction f) {
    return Objects.equals(p.domain(), f.domain());
  }

}
