package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.SamplingScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxies of a study, one per cell (function, dimension, scheme), each trained once and saved
 * as {@code <dir>/<function>-<d>d-<scheme>.nnproxy}, or loaded from such a file that an earlier
 * run (of this study, or of another study with the same proxy settings) saved. A cell's sample
 * and training seed is {@code Seeds.derive(proxySeed, "proxy", function, d, scheme)} in every
 * study, so the same settings give the same proxy. Not API. Thread-safe: {@link #get} may be
 * called from any thread.
 */
final class ProxyCache {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyCache.class);

  /** A cell of proxies: a function (of one dimension) and a sampling scheme. */
  record Cell(BenchmarkFunction function, SamplingScheme scheme) {
    String fileName() {
      return fileName(function.name(), function.domain().dimension(), scheme.label());
    }

    /** The file name of a cell's proxy: {@code <function>-<d>d-<scheme>.nnproxy}. */
    static String fileName(String function, int d, String scheme) {
      return function + "-" + d + "d-" + scheme + ".nnproxy";
    }
  }

  private final StudyGrid grid;
  private final Function<BenchmarkFunction, ForwardModel> sampledTruth;
  private final Path dir;
  private final Map<String, Cell> cells = new LinkedHashMap<>();
  private final Map<String, ProxyRecord> records = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Proxy>> proxies = new LinkedHashMap<>();
  private int loaded;

  /**
   * A cache of the grid's proxies in {@code dir}, trained with the grid's trainer, seed and base
   * size on samples of {@code sampledTruth(f)}.
   */
  ProxyCache(StudyGrid grid, Function<BenchmarkFunction, ForwardModel> sampledTruth, Path dir,
      List<Cell> cells) {
    this.grid = grid;
    this.sampledTruth = sampledTruth;
    this.dir = dir;
    for (Cell c : cells) {
      this.cells.put(c.fileName(), c);
    }
  }

  /**
   * A cache of no proxies, for a study whose runs train their own: it loads nothing that is not
   * asked for and trains nothing.
   */
  static ProxyCache none(Path dir) {
    return new ProxyCache(null, f -> f, dir, List.of());
  }

  /** The number of cells. */
  int size() {
    return cells.size();
  }

  /** The number of proxies loaded rather than to be trained. */
  synchronized int loaded() {
    return loaded;
  }

  /**
   * Loads the saved proxies of the cells that {@code trusted} accepts from {@code from}; a
   * missing, unreadable or misfitting file is left to be trained again. A proxy loaded from
   * another folder is saved into this cache's folder too, so that the study's folder holds all
   * its proxies.
   */
  synchronized void load(Path from, Predicate<Cell> trusted) {
    for (Cell c : cells.values()) {
      if (proxies.containsKey(c.fileName()) || !trusted.test(c)) {
        continue;
      }
      Path file = from.resolve(c.fileName());
      if (!Files.exists(file)) {
        continue;
      }
      try {
        Proxy proxy = Proxy.load(file);
        BenchmarkFunction f = c.function();
        if (!proxy.domain().equals(f.domain())) {
          throw new IllegalArgumentException("its domain " + proxy.domain() + " is not the "
              + "function's " + f.domain());
        }
        int[] hidden = grid.trainer(f).hiddenLayers();
        int[] sizes = proxy.layerSizes();
        if (!Arrays.equals(Arrays.copyOfRange(sizes, 1, sizes.length - 1), hidden)) {
          throw new IllegalArgumentException("its layers " + Arrays.toString(sizes)
              + " do not have the trainer's hidden layers " + Arrays.toString(hidden));
        }
        Path mine = dir.resolve(c.fileName());
        if (!mine.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
          proxy.save(mine);
        }
        records.put(c.fileName(), record(c, mine, proxy));
        proxies.put(c.fileName(), CompletableFuture.completedFuture(proxy));
        loaded++;
      } catch (RuntimeException e) {
        LOG.warn("cannot reuse the saved proxy {}, training it again: {}", file, e.toString());
      }
    }
  }

  /**
   * Returns the proxy of a cell: loaded, or trained on {@code executor} the first time it is
   * asked for (then saved, and {@code trained} told).
   */
  synchronized CompletableFuture<Proxy> get(Cell cell, Executor executor,
      Consumer<ProxyRecord> trained) {
    return proxies.computeIfAbsent(cell.fileName(),
        k -> CompletableFuture.supplyAsync(() -> train(cell, trained), executor));
  }

  /** Starts the training of every cell not asked for yet; returns every cell's proxy. */
  List<CompletableFuture<Proxy>> all(Executor executor, Consumer<ProxyRecord> trained) {
    List<CompletableFuture<Proxy>> all = new ArrayList<>();
    for (Cell c : cells.values()) {
      all.add(get(c, executor, trained));
    }
    return all;
  }

  /** The records of every cell, in the cells' order; call once every proxy is made. */
  synchronized List<ProxyRecord> records() {
    List<ProxyRecord> out = new ArrayList<>();
    for (String k : cells.keySet()) {
      ProxyRecord r = records.get(k);
      if (r == null) {
        throw new IllegalStateException("the proxy " + k + " was never made");
      }
      out.add(r);
    }
    return out;
  }

  private Proxy train(Cell c, Consumer<ProxyRecord> trained) {
    BenchmarkFunction f = c.function();
    SamplingScheme scheme = c.scheme();
    int n = scheme.sampleSize(grid.baseSize());
    Proxy proxy =
        grid.trainer(f).train(sampledTruth.apply(f), SeedRecipes.sampler(scheme, f), n, seed(c));
    Path file = dir.resolve(c.fileName());
    proxy.save(file);
    ProxyRecord rec = record(c, file, proxy);
    synchronized (this) {
      records.put(c.fileName(), rec);
    }
    trained.accept(rec);
    return proxy;
  }

  private long seed(Cell c) {
    BenchmarkFunction f = c.function();
    return Seeds.derive(grid.proxySeed(), "proxy", f.name(), f.domain().dimension(),
        c.scheme().label());
  }

  private ProxyRecord record(Cell c, Path file, Proxy proxy) {
    BenchmarkFunction f = c.function();
    return new ProxyRecord(f.name(), f.domain().dimension(), c.scheme().label(),
        c.scheme().sampleSize(grid.baseSize()), seed(c), file, proxy.quality());
  }
}
