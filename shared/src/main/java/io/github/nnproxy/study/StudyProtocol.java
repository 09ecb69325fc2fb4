package io.github.nnproxy.study;

import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.study.report.RunFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What one kind of study is to the {@link StudyEngine}: which runs it holds, how one run is made,
 * how its rows are stored, and what the finished rows become. The engine does the rest (lock,
 * resume, pool, proxies, streaming, canonical order). Not API.
 *
 * @param <S> the description of one run (its spec)
 * @param <R> the row one run gives
 * @param <T> the study's result
 */
interface StudyProtocol<S, R, T> {

  /** The study's output folder. */
  Path output();

  /** The number of worker threads. */
  int threads();

  /** The prefix of the worker threads' names. */
  String threadName();

  /** The progress listener. */
  StudyListener listener();

  /**
   * Makes the folder ready ({@link StudyFolder#prepare}) and tells whether it holds results of
   * this configuration to resume from.
   */
  boolean prepare();

  /** Every run of the study, in canonical order: the order of the final runs file. */
  List<S> runs();

  /** The identity of a run: equal for a spec and the row it gives. */
  String runKey(S spec);

  /** The identity of a row. */
  String rowKey(R row);

  /** Tells whether a restored row is what the run would give now (e.g. same derived seed). */
  boolean matches(S spec, R row);

  /**
   * The cache of the proxies the study's runs minimize, in {@code dir}: none by default, for a
   * study whose runs train their own ({@link GridProtocol} shares them).
   */
  default ProxyCache proxies(Path dir) {
    return ProxyCache.none(dir);
  }

  /** Folders of saved proxies to reuse even when not resuming, with the cells they may serve. */
  default void loadForeignProxies(ProxyCache cache) {}

  /** The proxy a run minimizes, or null for a run on the truth. */
  ProxyCache.Cell proxyCell(S spec);

  /**
   * The order in which runs left to make are handed to the pool, or null (the default) for the
   * canonical order of {@link #runs()}. Only a protocol whose runs need no others may reorder.
   */
  default Comparator<S> submissionOrder() {
    return null;
  }

  /** The runs whose rows a run needs before it starts (none by default). */
  default List<S> needs(S spec) {
    return List.of();
  }

  /**
   * Makes one run.
   *
   * @param spec the run
   * @param proxy its proxy, or null if {@link #proxyCell} is null
   * @param needed the rows of {@link #needs}, in that order
   * @return its row
   */
  R run(S spec, Proxy proxy, List<R> needed);

  /** The files the rows are streamed to. */
  RunFiles<R> files();

  /** Tells the listener a run is finished (its row is on disk). */
  void finished(R row, int done, int total);

  /**
   * Turns the finished rows into the study's result, writing its reports.
   *
   * @param rows every row, in canonical order (as written)
   * @param proxies the proxies' records in canonical order
   * @param pool the study's pool, for work that may run in parallel
   */
  T finish(List<R> rows, List<ProxyRecord> proxies, ExecutorService pool);
}
