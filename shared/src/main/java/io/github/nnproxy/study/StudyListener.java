package io.github.nnproxy.study;

/**
 * Hears the progress of a study ({@link StabilityStudy} or {@link TrustStudy}), e.g. to draw a
 * progress bar in a command-line tool.
 *
 * <p>The study calls a listener from its worker threads but never from two threads at once (the
 * calls are serialized), so an implementation needs no locking of its own. It should return
 * quickly; an exception it throws fails the study. Every method does nothing by default.
 *
 * <pre>{@code
 * StudyListener bar = new StudyListener() {
 *   public void onRunFinished(RunRecord run, int done, int total) {
 *     System.out.printf("\r%d / %d runs", done, total);
 *   }
 * };
 * StabilityStudy.builder().functions("ackley").listener(bar)...;
 * }</pre>
 */
public interface StudyListener {

  /** A listener that ignores everything. */
  StudyListener NONE = new StudyListener() {};

  /**
   * Called once before any work starts.
   *
   * @param proxies the number of proxies the study will train
   * @param runs the number of optimizer runs it will make, on proxies and on the truth
   */
  default void onStart(int proxies, int runs) {}

  /**
   * Called once after {@link #onStart} when the study resumes from results already in its output
   * folder; the {@code done} counts of the later calls start from these numbers.
   *
   * @param proxies the saved proxies reused rather than trained again
   * @param runs the finished runs reused rather than made again
   */
  default void onResumed(int proxies, int runs) {}

  /**
   * Called when a proxy has been trained and saved.
   *
   * @param proxy the proxy's cell, file and quality
   * @param done the proxies trained so far, this one included
   * @param total the proxies to train in all
   */
  default void onProxyTrained(ProxyRecord proxy, int done, int total) {}

  /**
   * Called when an optimizer run of a {@link StabilityStudy} has finished and its row is on disk.
   *
   * @param run the run
   * @param done the runs finished so far, this one included
   * @param total the runs in all
   */
  default void onRunFinished(RunRecord run, int done, int total) {}

  /**
   * Called when a run of a {@link TrustStudy} has finished and its row is on disk.
   *
   * @param run the run
   * @param done the runs finished so far, this one included
   * @param total the runs in all
   */
  default void onTrustRunFinished(TrustRun run, int done, int total) {}
}
