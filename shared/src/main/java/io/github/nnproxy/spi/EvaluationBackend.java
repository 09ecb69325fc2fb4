package io.github.nnproxy.spi;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A service that runs batches of true evaluations somewhere else than the caller's threads: on a
 * cluster, or on an engine embedded in the JVM. It is found at run time with {@link
 * ServiceLoader}, so the code that uses it (the command line) does not depend on the engine: the
 * engine's module ships an implementation and a {@code
 * META-INF/services/io.github.nnproxy.spi.EvaluationBackend} file naming it, and is put on the
 * classpath only by those who want it.
 *
 * <p>An implementation must have a public no-argument constructor and be thread-safe; {@link
 * #open(String)} does the work.
 *
 * <pre>{@code
 * EvaluationBackend spark = EvaluationBackend.find("spark").orElseThrow();
 * try (EvaluationBackend.Session s = spark.open(null)) {   // null: the embedded default
 *   Proxy p = trainer.train(s.distribute(truth), sampler, 10_000, 42L);
 * }
 * }</pre>
 */
public interface EvaluationBackend {

  /**
   * Returns the name this backend is found by, e.g. {@code "spark"}.
   *
   * @return the name, lower case
   */
  String name();

  /**
   * Connects to the engine, or starts an embedded one, and returns a session that distributes
   * forward models on it until it is closed.
   *
   * @param target where to run, in the engine's own terms (for Spark a master URL such as {@code
   *     spark://host:7077}), or null for the engine's embedded default
   * @return the open session; the caller closes it
   * @throws IllegalArgumentException if {@code target} is not a valid target for this engine
   * @throws IllegalStateException if the engine cannot be started or reached
   */
  Session open(String target);

  /**
   * Finds a backend by name among those on the classpath.
   *
   * @param name the backend's {@link #name()}
   * @return the backend, or empty when no module on the classpath provides it
   * @throws NullPointerException if {@code name} is null
   */
  static Optional<EvaluationBackend> find(String name) {
    nonNull(name, "name");
    for (EvaluationBackend b : ServiceLoader.load(EvaluationBackend.class)) {
      if (b.name().equals(name)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * An open connection to an engine. Thread-safe: forward models from one session may be used
   * from several threads at once.
   */
  interface Session extends AutoCloseable {

    /**
     * Returns a forward model with the same domain and values as {@code model} whose batches
     * ({@link ForwardModel#evaluateAll}, {@link ForwardModel#evaluateOutcomes}) run on the
     * engine. An engine that runs batches itself returns a {@link ForwardModel#batched()} model,
     * so the trainer and the managed loop hand it whole batches.
     *
     * @param model the model to distribute; the engine may require it to be serializable
     * @return the distributed model, usable until the session is closed
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if the engine cannot ship {@code model}, saying why
     */
    ForwardModel distribute(ForwardModel model);

    /**
     * Describes where the session runs, for a person, e.g. {@code "Spark local[*]"}.
     *
     * @return the description
     */
    String description();

    /** Ends the session and stops what it started; models it distributed no longer work. */
    @Override
    void close();
  }
}
