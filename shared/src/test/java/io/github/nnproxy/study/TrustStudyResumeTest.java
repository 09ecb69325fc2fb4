package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStudyResumeTest {
  private static final ProxyTrainer TINY =
      ProxyTrainer.builder().hiddenLayers(8, 8).epochs(10).batchSize(16).patience(0).build();
  private static final SearchOptimizer SEARCH = new SearchOptimizer("search", 200, 5);

  private static TrustStudy.Builder tiny(Path out) {
    return TrustStudy.builder()
        .functions("sphere").dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN)
        .optimizer(SEARCH, n -> new SearchOptimizer("search", Math.max(1, n - 20), 5))
        .seeds(1, 2).baseSize(80).trainer(f -> TINY)
        .managed(ManagedOptimization.builder().trainer(TINY).initialSamples(20).budget(30)
            .maxRounds(4).build())
        .budgetShare(0.1).threads(2).output(out);
  }

  /** Counts what the study reports. */
  private static final class Counts implements StudyListener {
    final AtomicInteger trained = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger resumedRuns = new AtomicInteger(-1);
    final AtomicInteger resumedProxies = new AtomicInteger(-1);

    @Override
    public void onResumed(int proxies, int runs) {
      resumedProxies.set(proxies);
      resumedRuns.set(runs);
    }

    @Override
    public void onProxyTrained(ProxyRecord proxy, int done, int total) {
      trained.incrementAndGet();
    }

    @Override
    public void onTrustRunFinished(TrustRun run, int done, int total) {
      runs.incrementAndGet();
    }
  }

  @Test
  void streamsRowsAndResumesATornFolderToTheSameFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a");
    TrustResult whole = tiny(a).build().run();
    String csv = Files.readString(whole.csv());
    String md = Files.readString(whole.markdown());
    assertTrue(Files.isRegularFile(a.resolve(StudyFolder.CONFIG)));
    assertTrue(Files.isRegularFile(a.resolve(TrustCsv.TIMINGS)));
    assertTrue(Files.isRegularFile(a.resolve("proxies/sphere-2d-gaussian.nnproxy")));

    // a killed study: half of its rows, a torn last line, a proxy and the report missing
    List<String> lines = Files.readAllLines(whole.csv());
    int keep = lines.size() / 2;
    Files.writeString(whole.csv(), String.join("\n", lines.subList(0, keep)) + "\nsphere,2,sp",
        StandardCharsets.UTF_8);
    Files.delete(a.resolve("proxies/sphere-2d-gaussian.nnproxy"));
    Files.delete(whole.markdown());
    Counts counts = new Counts();
    TrustResult resumed = tiny(a).listener(counts).build().run();
    assertEquals(csv, Files.readString(resumed.csv()), "same runs, same bytes");
    assertEquals(md, Files.readString(resumed.markdown()));
    assertEquals(keep - 1, counts.resumedRuns.get());
    assertEquals(1, counts.resumedProxies.get());
    assertEquals(1, counts.trained.get());
    assertEquals(whole.runs().size() - (keep - 1), counts.runs.get());

    Counts none = new Counts();
    tiny(a).listener(none).build().run(); // everything is on disk: nothing is made again
    assertEquals(0, none.trained.get() + none.runs.get());
    assertEquals(csv, Files.readString(whole.csv()));

    var fresh = assertThrows(IllegalStateException.class,
        () -> tiny(a).resume(false).build().run());
    assertTrue(fresh.getMessage().contains("resume is off"), fresh.getMessage());
    var other = assertThrows(IllegalStateException.class,
        () -> tiny(a).seeds(1, 3).build().run());
    assertTrue(other.getMessage().contains("'seeds' was 1, 2, now 1, 3"), other.getMessage());
  }

  @Test
  void reusesTheProxiesAStabilityStudySavedWithTheSameSettings(@TempDir Path dir)
      throws IOException {
    Path stability = dir.resolve("stability");
    StabilityStudy.builder().functions("sphere").dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN)
        .optimizer(SEARCH).seeds(1).baseSize(80).trainer(f -> TINY).plots(false)
        .threads(2).output(stability).build().run();
    Counts counts = new Counts();
    TrustResult reused = tiny(dir.resolve("reused")).proxiesFrom(stability).listener(counts)
        .build().run();
    assertEquals(0, counts.trained.get(), "both proxies come from the stability study");
    for (String p : new String[] {"sphere-2d-sparse-uniform", "sphere-2d-gaussian"}) {
      Proxy mine = Proxy.load(dir.resolve("reused/proxies/" + p + ".nnproxy"));
      Proxy theirs = Proxy.load(stability.resolve("proxies/" + p + ".nnproxy"));
      double[] x = {0.3, -0.7};
      assertEquals(theirs.evaluate(x), mine.evaluate(x));
    }
    TrustResult trained = tiny(dir.resolve("trained")).build().run();
    assertEquals(Files.readString(trained.csv()), Files.readString(reused.csv()),
        "the reused proxies are the ones the trust study trains itself");

    Counts other = new Counts();
    tiny(dir.resolve("other")).trainer(f -> TINY.toBuilder().epochs(11).build())
        .proxiesFrom(stability).listener(other).build().run();
    assertEquals(2, other.trained.get(), "another trainer's proxies are not reused");
    assertArrayEquals(new int[] {2, 8, 8, 1},
        Proxy.load(dir.resolve("other/proxies/sphere-2d-gaussian.nnproxy")).layerSizes());
  }
}
