package io.github.nnproxy.proxy;

/**
 * The Encog training algorithms a {@link ProxyTrainer} can use.
 *
 * <pre>{@code
 * ProxyTrainer t = ProxyTrainer.builder().algorithm(TrainingAlgorithm.RPROP).epochs(300).build();
 * }</pre>
 */
public enum TrainingAlgorithm {
  /**
   * Mini-batch Adam (Kingma and Ba, 2015; beta1 0.9, beta2 0.999, epsilon 1e-8) through Encog's
   * {@code StochasticGradientDescent} with {@code AdamUpdate}; the training points are shuffled
   * before every epoch, as PyTorch's {@code DataLoader(shuffle=True)} in the seed study.
   *
   * <p>Encog 3.4's implementation differs from the textbook in three ways (all tested): its
   * backpropagation takes each hidden layer's derivative from the layer above, so the gradient
   * passes through the last hidden layer's inactive ReLU units (Encog issue #243); each {@code
   * iteration()} advances the batch window twice, so an epoch trains on every other batch, twice;
   * and Adam's bias correction counts two steps per batch. {@link #BATCHED_ADAM} has none of
   * these and is faster (docs/BENCHMARKS.md); this one is kept for comparison and for results made
   * with it.
   */
  ADAM,
  /**
   * Mini-batch Adam with the same settings and mathematics as {@link #ADAM} (and as the seed
   * study's PyTorch loop: the mean squared error averaged over each mini-batch, Adam with bias
   * correction, the points reshuffled before every epoch, the last batch of an epoch possibly
   * smaller), computed by nnproxy's own vectorized forward and backward passes over the Encog
   * network's weights instead of Encog's one-sample-at-a-time propagation, which makes it faster
   * (docs/BENCHMARKS.md says by how much). Each mini-batch is cut into shards of 8 points (at most
   * 8 shards) whose gradients can be computed on {@link ProxyTrainer.Builder#threads(int)} threads;
   * the result does not depend on the thread count. The trained network is an ordinary Encog
   * network.
   */
  BATCHED_ADAM,
  /**
   * Full-batch resilient propagation (iRPROP+, Igel and Huesken, 2000) through Encog's {@code
   * ResilientPropagation}, single-threaded so that results do not depend on the machine; the
   * batch size and learning rate are ignored.
   */
  RPROP
}
