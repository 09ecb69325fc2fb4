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
   */
  ADAM,
  /**
   * Full-batch resilient propagation (iRPROP+, Igel and Huesken, 2000) through Encog's {@code
   * ResilientPropagation}, single-threaded so that results do not depend on the machine; the
   * batch size and learning rate are ignored.
   */
  RPROP
}
