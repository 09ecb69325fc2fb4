package io.github.nnproxy.bench;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.Proxy;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Profiles one optimizer on a proxy with Java Flight Recorder and reports where the time goes:
 * network forward pass, Encog, nnproxy's adapters, Jenetics, jMetal, the JDK, GC.
 *
 * <p>The recording covers only the optimizer loop (training and a warm-up are outside it), so the
 * shares are those of steady-state runs, like the JMH measurement.
 *
 * <pre>
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.bench.AdapterProfile pso 2 defaults 20 pso-2.jfr
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.bench.AdapterProfile analyze pso-2.jfr
 * </pre>
 *
 * <p>Arguments: {@code pso|ga dimension defaults|paper seconds out.jfr}, or {@code analyze
 * file.jfr [thread]} for any recording (e.g. of a JMH fork run with {@code -jvmArgsAppend
 * -XX:StartFlightRecording=...}); {@code thread} defaults to every thread.
 */
public final class AdapterProfile {
  private AdapterProfile() {}

  /**
   * Entry point.
   *
   * @param args see the class comment
   * @throws Exception on a failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("analyze")) {
      analyze(Path.of(args[1]), args.length > 2 ? args[2] : null);
      return;
    }
    String which = args[0];
    int d = Integer.parseInt(args[1]);
    String network = args[2];
    int seconds = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    Proxy proxy = OptimizerOnProxyBenchmark.trainProxy(network, d);
    Optimizer opt =
        switch (which) {
          case "pso" -> JmetalPsoOptimizer.paper();
          case "ga" -> JeneticsOptimizer.paper();
          default -> throw new IllegalArgumentException("pso or ga, not " + which);
        };
    long sink = 0;
    long warmEnd = System.nanoTime() + Duration.ofSeconds(Math.max(3, seconds / 4)).toNanos();
    while (System.nanoTime() < warmEnd) {
      sink += opt.minimize(proxy, 7L).evaluations();
    }
    Recording r = newRecording();
    r.start();
    long runs = 0;
    long t0 = System.nanoTime();
    long end = t0 + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      sink += opt.minimize(proxy, 7L).evaluations();
      runs++;
    }
    long t1 = System.nanoTime();
    r.stop();
    r.dump(out);
    r.close();
    System.out.printf(Locale.ROOT, "%s on %s proxy %s, d=%d: %d runs in %.1f s, %.2f ms/run (sink %d)%n",
        which, network, java.util.Arrays.toString(proxy.layerSizes()), d, runs, (t1 - t0) / 1e9,
        (t1 - t0) / 1e6 / runs, sink);
    analyze(out, Thread.currentThread().getName());
  }

  private static Recording newRecording() throws IOException, ParseException {
    Recording r = new Recording(Configuration.getConfiguration("profile"));
    r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    return r;
  }

  /** Where a frame's code belongs. */
  static String category(String cls) {
    if (cls.startsWith("io.github.nnproxy.proxy.DenseForward")
        || cls.startsWith("io.github.nnproxy.proxy.Proxy")) {
      return "network (Proxy, DenseForward)";
    }
    if (cls.startsWith("org.encog.")) {
      return "Encog";
    }
    if (cls.startsWith("io.github.nnproxy.jenetics.") || cls.startsWith("io.github.nnproxy.jmetal.")) {
      return "adapter (nnproxy.jenetics/jmetal)";
    }
    if (cls.startsWith("io.jenetics.")) {
      return "Jenetics";
    }
    if (cls.startsWith("org.uma.jmetal.")) {
      return "jMetal";
    }
    if (cls.startsWith("java.util.stream.")) {
      return "JDK streams";
    }
    if (cls.startsWith("java.util.random.") || cls.startsWith("jdk.internal.util.random.")
        || cls.startsWith("jdk.random.") || cls.equals("java.util.Random")
        || cls.startsWith("java.util.concurrent.ThreadLocalRandom")) {
      return "JDK random";
    }
    if (cls.startsWith("java.util.")) {
      return "JDK collections/util";
    }
    if (cls.startsWith("java.lang.")) {
      return "JDK lang (boxing, Math, ThreadLocal...)";
    }
    if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
      return "JDK other";
    }
    if (cls.startsWith("io.github.nnproxy.internal.") || cls.equals("io.github.nnproxy.Domain")) {
      return "nnproxy checks (Requires, Domain)";
    }
    if (cls.startsWith("io.github.nnproxy.")) {
      return "nnproxy other";
    }
    return "other";
  }

  /** The category charged for a sample: the first frame, from the top, outside the JDK. */
  static String owner(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String c = category(className(f));
      if (!c.startsWith("JDK") && !c.startsWith("nnproxy checks")) {
        return c;
      }
    }
    return frames.isEmpty() ? "(no stack)" : category(className(frames.get(0)));
  }

  /** The first frame, from the top, outside the JDK and nnproxy's checks; null if none. */
  static RecordedFrame ownerFrame(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String c = category(className(f));
      if (!c.startsWith("JDK") && !c.startsWith("nnproxy checks") && f.getMethod() != null) {
        return f;
      }
    }
    return null;
  }

  static String className(RecordedFrame f) {
    return f.getMethod() == null ? "?" : f.getMethod().getType().getName();
  }

  static boolean inNetwork(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      if (category(className(f)).startsWith("network")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Prints the shares of a recording's execution samples.
   *
   * @param file the recording
   * @param thread only samples of this thread, or null for all
   * @throws IOException if it cannot be read
   */
  static void analyze(Path file, String thread) throws IOException {
    Map<String, Integer> self = new TreeMap<>();
    Map<String, Integer> owned = new TreeMap<>();
    Map<String, Integer> methods = new TreeMap<>();
    Map<String, Long> alloc = new TreeMap<>();
    Map<String, Long> allocAdapter = new TreeMap<>();
    int total = 0;
    int network = 0;
    long gcNanos = 0;
    int gcs = 0;
    java.time.Instant first = null;
    java.time.Instant last = null;
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        String type = e.getEventType().getName();
        if (first == null || e.getStartTime().isBefore(first)) {
          first = e.getStartTime();
        }
        if (last == null || e.getEndTime().isAfter(last)) {
          last = e.getEndTime();
        }
        if (type.equals("jdk.GarbageCollection")) {
          gcNanos += e.getDuration().toNanos();
          gcs++;
          continue;
        }
        boolean sample = type.equals("jdk.ExecutionSample");
        boolean allocation = type.equals("jdk.ObjectAllocationSample");
        if (!sample && !allocation) {
          continue;
        }
        RecordedThread t = e.getThread(sample ? "sampledThread" : "eventThread");
        if (thread != null && (t == null || !thread.equals(t.getJavaName()))) {
          continue;
        }
        RecordedStackTrace st = e.getStackTrace();
        List<RecordedFrame> frames = st == null ? List.of() : st.getFrames();
        if (allocation) {
          long w = e.getLong("weight");
          RecordedFrame o = ownerFrame(frames);
          if (o != null && className(o).startsWith("io.github.nnproxy.bench.")) {
            // the harness: the first sample of a recording carries all earlier allocation
            continue;
          }
          alloc.merge(owner(frames), w, Long::sum);
          RecordedFrame site = ownerFrame(frames);
          if (site != null) {
            allocAdapter.merge(e.getClass("objectClass").getName() + " @ " + className(site) + "."
                + site.getMethod().getName(), w, Long::sum);
          }
          continue;
        }
        total++;
        if (frames.isEmpty()) {
          self.merge("(no stack)", 1, Integer::sum);
          continue;
        }
        RecordedFrame top = frames.get(0);
        self.merge(category(className(top)), 1, Integer::sum);
        owned.merge(owner(frames), 1, Integer::sum);
        methods.merge(className(top) + "." + top.getMethod().getName(), 1, Integer::sum);
        if (inNetwork(frames)) {
          network++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n%s: %d execution samples%s%n", file, total,
        thread == null ? "" : " on thread '" + thread + "'");
    print("self time, by the top frame's package", self, total);
    print("time charged to the first non-JDK frame (JDK calls charged to their caller)", owned, total);
    System.out.printf(Locale.ROOT, "%n| inclusive: inside Proxy.evaluate/evaluateAll | %d | %.1f%% |%n",
        network, 100.0 * network / Math.max(1, total));
    final int all = total;
    System.out.println("\ntop 20 methods (self):");
    methods.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(20)
        .forEach(m -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n",
            100.0 * m.getValue() / all, m.getKey()));
    long allocTotal = alloc.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("\nallocation (sampled weight), charged to the first non-JDK frame:");
    alloc.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(m -> System.out.printf(Locale.ROOT, "  %5.1f%%  %,d MB  %s%n",
            100.0 * m.getValue() / Math.max(1, allocTotal), m.getValue() >> 20, m.getKey()));
    System.out.println("\ntop allocation sites (object @ first non-JDK frame):");
    allocAdapter.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(15)
        .forEach(m -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n",
            100.0 * m.getValue() / Math.max(1, allocTotal), m.getKey()));
    double wall = first == null ? 0 : Duration.between(first, last).toNanos();
    System.out.printf(Locale.ROOT, "%nGC: %d collections, %.0f ms in all = %.1f%% of the %.1f s recording%n",
        gcs, gcNanos / 1e6, 100.0 * gcNanos / Math.max(1, wall), wall / 1e9);
  }

  private static void print(String title, Map<String, Integer> counts, int total) {
    System.out.println("\n" + title + ":\n");
    System.out.println("| category | samples | share |");
    System.out.println("|---|--:|--:|");
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .forEach(en -> sorted.put(en.getKey(), en.getValue()));
    sorted.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% |%n", k, v,
        100.0 * v / Math.max(1, total)));
  }
}
