package io.github.nnproxy.paper;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.LearningRateSchedule;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.proxy.TrainingAlgorithm;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;

/**
 * The seed study's recipes (Albreiki, Belayouni and Gupta, arXiv 2301.07102) that depend on the
 * function studied: its network and training per function and dimension, and each sampling
 * scheme's sampler for a function. They live here rather than in {@code proxy} and {@code
 * sampling} because they are the study's choices, not properties of a trainer or a sampler.
 *
 * <pre>{@code
 * BenchmarkFunction f = Benchmarks.rosenbrock(4);
 * ProxyTrainer seedTraining = SeedRecipes.trainer(f);                         // 4-15-50-15-10-1
 * Sampler around = SeedRecipes.sampler(SamplingScheme.GAUSSIAN, f);           // N(x*, (w/6)^2)
 * Proxy proxy = seedTraining.train(f, around, SamplingScheme.GAUSSIAN.sampleSize(10_000), 1L);
 * }</pre>
 */
public final class SeedRecipes {
  private SeedRecipes() {}

  /**
   * The seed study's network and training, exactly: the architecture and epochs of the function
   * and dimension (Ackley and Rastrigin {@code d-20-50-120-70-20-10-1}, 500 epochs; Rosenbrock 2-D
   * {@code 2-15-50-15-1}, 100 epochs; Rosenbrock 4-D {@code 4-15-50-15-10-1}, 100 epochs;
   * Rosenbrock 10-D {@code 10-15-50-15-10-1}, 500 epochs), ReLU, linear output, Adam with learning
   * rate 1e-3, batch 8, shuffled every epoch, 80/20 split, best-validation checkpoint, no early
   * stopping. Functions the seed did not study get the Ackley network and 500 epochs. Trained with
   * {@link TrainingAlgorithm#BATCHED_ADAM}, which computes the true gradient of the mean squared
   * error over each mini-batch as PyTorch does (see that constant for why Encog's own Adam is not
   * used).
   *
   * @param f the benchmark function; Rosenbrock is recognised by its name, {@code "rosenbrock"}
   * @return the trainer
   * @throws NullPointerException if {@code f} is null
   */
  public static ProxyTrainer trainer(BenchmarkFunction f) {
    nonNull(f, "f");
    int d = f.domain().dimension();
    ProxyTrainer.Builder b = ProxyTrainer.builder()
        .algorithm(TrainingAlgorithm.BATCHED_ADAM)
        .activation(Activation.RELU)
        .schedule(LearningRateSchedule.CONSTANT)
        .learningRate(1e-3)
        .batchSize(8)
        .validationFraction(0.2)
        .patience(0)
        .epochs(500)
        .hiddenLayers(20, 50, 120, 70, 20, 10);
    if (f.name().equals("rosenbrock")) {
      if (d == 2) {
        b.hiddenLayers(15, 50, 15).epochs(100);
      } else {
        b.hiddenLayers(15, 50, 15, 10).epochs(d == 4 ? 100 : 500);
      }
    }
    return b.build();
  }

  /**
   * Returns a sampling scheme's sampler for a benchmark function: uniform for the dense and sparse
   * schemes, Latin hypercube, shifted Sobol, or, for {@link SamplingScheme#GAUSSIAN}, a normal
   * distribution centred on the function's known optimum with sigma = half the domain's width / 3
   * per coordinate, not clipped to the domain (the seed study's Gaussian scheme).
   *
   * @param scheme the scheme
   * @param f the function
   * @return the sampler
   * @throws NullPointerException if an argument is null
   */
  public static Sampler sampler(SamplingScheme scheme, BenchmarkFunction f) {
    nonNull(scheme, "scheme");
    nonNull(f, "f");
    return switch (scheme) {
      case DENSE_UNIFORM, SPARSE_UNIFORM -> Samplers.uniform();
      case LATIN_HYPERCUBE -> Samplers.latinHypercube();
      case SOBOL -> Samplers.sobol();
      case GAUSSIAN -> Samplers.gaussian(f.optimum(), seedSigma(f.domain()));
    };
  }

  /** Half the domain's width per coordinate, divided by 3: the seed's Gaussian sigma. */
  private static double[] seedSigma(Domain domain) {
    double[] s = new double[domain.dimension()];
    for (int j = 0; j < s.length; j++) {
      s[j] = (domain.upper(j) - domain.lower(j)) / 2 / 3;
    }
    return s;
  }
}
