package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.LearningRateSchedule;
import io.github.nnproxy.proxy.ProxyTrainer;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The proxy trainers the command line offers by name.
 *
 * <p>{@code defaults} is {@link ProxyTrainer#defaults()}, {@code relu} nnproxy 0.1's defaults (the
 * seed's ReLU network with nnproxy's fast training, to compare with), {@code paper} the seed
 * study's network and training ({@link SeedRecipes#trainer}, minutes per proxy), {@code quick} a
 * small network for demonstrations and tests (seconds per proxy, a rougher fit). Immutable.
 *
 * <pre>{@code
 * ProxyTrainer t = TrainerPreset.parse("quick").trainer(Benchmarks.ackley(2));
 * }</pre>
 */
public enum TrainerPreset {
  /** {@link ProxyTrainer#defaults()}: nnproxy's recommended smooth proxy. */
  DEFAULTS("defaults", f -> ProxyTrainer.defaults()),
  /**
   * The defaults of nnproxy 0.1, kept to compare with: ReLU on the seed's network
   * (20-50-120-70-20-10), batch 16, learning rate 2e-3, up to 500 epochs, patience 50.
   */
  RELU("relu", f -> relu()),
  /** {@link SeedRecipes#trainer}: the seed study's networks and epochs, exactly. */
  PAPER("paper", SeedRecipes::trainer),
  /** A small, fast network: {@link ProxyTrainer#defaults()} with two hidden layers, 100 epochs. */
  QUICK("quick", f -> quick());

  private final String key;
  private final Function<BenchmarkFunction, ProxyTrainer> trainers;

  TrainerPreset(String key, Function<BenchmarkFunction, ProxyTrainer> trainers) {
    this.key = key;
    this.trainers = trainers;
  }

  /**
   * Returns the name used on the command line.
   *
   * @return the name
   */
  public String key() {
    return key;
  }

  /**
   * Returns {@link #key()}, as help texts show it.
   *
   * @return the name
   */
  @Override
  public String toString() {
    return key();
  }

  /**
   * Returns the trainer of a function's proxies.
   *
   * @param f the function (and dimension)
   * @return the trainer
   */
  public ProxyTrainer trainer(BenchmarkFunction f) {
    return trainers.apply(f);
  }

  /**
   * Returns the trainer of a proxy of a model that is not a benchmark function (an external
   * program, logged data): {@link #PAPER} gives the seed's network for functions it did not
   * study (its Ackley network and epochs); the other presets do not depend on the function.
   *
   * @param domain the proxy's domain
   * @return the trainer
   */
  public ProxyTrainer trainer(io.github.nnproxy.Domain domain) {
    return trainers.apply(io.github.nnproxy.benchmark.Benchmarks.ackley(domain.dimension()));
  }

  /**
   * Returns this preset as the study builder's trainer function.
   *
   * @return the function
   */
  public Function<BenchmarkFunction, ProxyTrainer> trainers() {
    return trainers;
  }

  /**
   * Finds a preset by name, ignoring case.
   *
   * @param text the name
   * @return the preset
   * @throws IllegalArgumentException if no preset has that name
   */
  public static TrainerPreset parse(String text) {
    String k = text.trim().toLowerCase(Locale.ROOT);
    for (TrainerPreset p : values()) {
      if (p.key.equals(k)) {
        return p;
      }
    }
    throw new IllegalArgumentException("trainer must be one of "
        + Arrays.stream(values()).map(TrainerPreset::key).collect(Collectors.joining(", "))
        + ", but was '" + text + "'");
  }

  /**
   * Returns nnproxy 0.1's default trainer.
   *
   * @return the trainer
   */
  static ProxyTrainer relu() {
    return ProxyTrainer.builder().activation(Activation.RELU)
        .schedule(LearningRateSchedule.CONSTANT).hiddenLayers(20, 50, 120, 70, 20, 10)
        .batchSize(16).learningRate(2e-3).epochs(500).patience(50).build();
  }

  /**
   * Returns the quick trainer.
   *
   * @return the trainer
   */
  static ProxyTrainer quick() {
    return ProxyTrainer.defaults().toBuilder().hiddenLayers(64, 64).epochs(100).build();
  }
}
