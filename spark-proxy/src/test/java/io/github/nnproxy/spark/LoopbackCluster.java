package io.github.nnproxy.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on the loopback interface: a master and workers, each its own
 * JVM started from the Spark jars of this JVM's classpath, and the executors the workers start.
 *
 * <p>The jars of the classpath, except nnproxy's, play the cluster's Spark installation ({@code
 * SPARK_HOME/jars}, symbolic links); the application ships nnproxy's jars and a jar made of the
 * classpath's class folders (the tests' models) with {@code spark.jars}, as a user would.
 * {@link #close()} stops every process, and a shutdown hook does it if the JVM exits first.
 */
final class LoopbackCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "loopback-cluster-stop");
  private final String masterUrl;
  private final List<String> shipped = new ArrayList<>();

  private LoopbackCluster(Path dir, int workers) throws IOException {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(hook);
    List<String> cp = classpath();
    Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
    Path classes = dir.resolve("app-classes.jar");
    List<Path> folders = new ArrayList<>();
    for (String e : cp) {
      Path p = Path.of(e).toAbsolutePath();
      if (Files.isDirectory(p)) {
        folders.add(p);
      } else if (p.getFileName().toString().startsWith("nnproxy-")) {
        shipped.add(p.toString());
      } else if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = jars.resolve(p.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, p);
        }
      }
    }
    jar(folders, classes);
    shipped.add(classes.toString());
    int port = freePort();
    masterUrl = "spark://" + HOST + ":" + port;
    try {
      start("master", cp, "org.apache.spark.deploy.master.Master",
          "--host", HOST, "--port", Integer.toString(port), "--webui-port", "0");
      awaitPort(port, Duration.ofSeconds(90));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("work-" + i));
        start("worker-" + i, cp, "org.apache.spark.deploy.worker.Worker",
            "--host", HOST, "--cores", "1", "--memory", "640m", "--webui-port", "0",
            "--work-dir", work.toString(), masterUrl);
      }
    } catch (IOException | RuntimeException e) {
      stopAll();
      throw e;
    }
  }

  /**
   * Starts a master and {@code workers} one-core workers, keeping logs and work folders in
   * {@code dir}.
   */
  static LoopbackCluster start(Path dir, int workers) {
    try {
      return new LoopbackCluster(dir, workers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new folder for a cluster's logs and work folders under {@code target/} (kept for reading
   * after a failure; {@code mvn clean} removes it).
   */
  static Path folder() {
    try {
      Path root = Files.createDirectories(Path.of("target", "loopback-cluster"));
      return Files.createTempDirectory(root.toAbsolutePath(), "run-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The master's URL, {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return masterUrl;
  }

  /**
   * A runtime builder connected to this cluster: the driver on the loopback interface, the
   * application's jars shipped, one task attempt (a failing test should fail at once).
   */
  SparkRuntime.Builder runtime() {
    return SparkRuntime.builder().master(masterUrl).appName("nnproxy-loopback")
        .conf("spark.driver.host", HOST)
        .conf("spark.driver.bindAddress", HOST)
        .conf("spark.jars", String.join(",", shipped))
        .conf("spark.executor.memory", "512m")
        .conf("spark.ui.enabled", "false");
  }

  /** Waits until {@code n} executors have registered with the driver. */
  static void awaitExecutors(JavaSparkContext jsc, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (jsc.sc().statusTracker().getExecutorInfos().length - 1 < n) { // minus the driver
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(n + " executors did not register within " + timeout
            + "; see the logs in the cluster's folder");
      }
      sleep(200);
    }
  }

  /** Stops the workers (and their executors), then the master; waits for them to exit. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs stopAll anyway
    }
  }

  private synchronized void stopAll() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(all::add); // executors, before their worker is gone
      all.add(p.toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (ProcessHandle h : all) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        h.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    processes.clear();
  }

  private void start(String name, List<String> cp, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, cp));
    cmd.add(mainClass);
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", HOST);
    pb.environment().remove("SPARK_CONF_DIR");
    processes.add(pb.start());
  }

  private void awaitPort(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(HOST, port), 500);
        return;
      } catch (IOException e) {
        if (!processes.get(0).isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("the Spark master did not listen on port " + port
              + "; see " + dir.resolve("master.log"), e);
        }
        sleep(200);
      }
    }
  }

  private static List<String> classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
  }

  private static void jar(List<Path> folders, Path target) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
      List<String> seen = new ArrayList<>();
      for (Path root : folders) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String name = root.relativize(f).toString().replace(File.separatorChar, '/');
            if (seen.contains(name) || name.startsWith("META-INF/MANIFEST")) {
              continue;
            }
            seen.add(name);
            out.putNextEntry(new JarEntry(name));
            Files.copy(f, out); // leaves the jar stream open
            out.closeEntry();
          }
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
