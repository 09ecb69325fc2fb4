package io.github.nnproxy.store;

import io.github.nnproxy.Domain;
import io.github.nnproxy.external.ExternalModel;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.Samplers;
import java.nio.file.Path;

/**
 * A separate JVM for the store's crash tests: trains a proxy of an external program through a
 * store, or just opens the store and waits, so a test can kill it or collide with it.
 */
public final class StoreWorker {
  private StoreWorker() {}

  /**
   * Runs.
   *
   * @param args {@code train STORE PROGRAM N SEED PROXY_OUT} or {@code hold STORE}
   */
  public static void main(String[] args) throws Exception {
    Domain box = Domain.cube(2, -1, 1);
    if (args[0].equals("hold")) {
      try (EvaluationStore store = EvaluationStore.open(Path.of(args[1]), box)) {
        System.out.println("open");
        System.out.flush();
        Thread.sleep(60_000);
      }
      return;
    }
    ExternalModel sim = ExternalModel.builder(box, args[2]).concurrency(2).build();
    try (EvaluationStore store = EvaluationStore.open(Path.of(args[1]), box)) {
      Proxy p = EvaluationStoreTest.TRAINER.train(sim, Samplers.latinHypercube(),
          Integer.parseInt(args[3]), Long.parseLong(args[4]), store);
      p.save(Path.of(args[5]));
      System.out.println("simulated " + store.simulations() + " answered " + store.answered());
    }
  }
}
