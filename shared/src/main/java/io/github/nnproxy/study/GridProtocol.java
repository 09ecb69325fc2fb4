package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.sampling.SamplingScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A study over a {@link StudyGrid}: its folder, threads and listener are the grid's, and its runs
 * share one proxy per function and scheme, trained with the grid's settings and cached by the
 * engine. The stability and trust studies are such studies; the budget benchmark, whose runs
 * train their own proxies, is not. Not API.
 *
 * @param <S> the description of one run (its spec)
 * @param <R> the row one run gives
 * @param <T> the study's result
 */
interface GridProtocol<S, R, T> extends StudyProtocol<S, R, T> {

  /** The study's grid: its functions, schemes, seeds, proxy settings, folder and listener. */
  StudyGrid grid();

  @Override
  default Path output() {
    return grid().output();
  }

  @Override
  default int threads() {
    return grid().threads();
  }

  @Override
  default StudyListener listener() {
    return grid().listener();
  }

  /** Every proxy the study may need, in canonical order: one per function and scheme. */
  default List<ProxyCache.Cell> proxyCells() {
    List<ProxyCache.Cell> cells = new ArrayList<>();
    for (BenchmarkFunction f : grid().problems()) {
      for (SamplingScheme s : grid().schemes()) {
        cells.add(new ProxyCache.Cell(f, s));
      }
    }
    return cells;
  }

  /** The model a proxy's training sample is drawn from (on {@code f}'s domain): {@code f}. */
  default ForwardModel sampledTruth(BenchmarkFunction f) {
    return f;
  }

  @Override
  default ProxyCache proxies(Path dir) {
    return new ProxyCache(grid(), this::sampledTruth, dir, proxyCells());
  }
}
