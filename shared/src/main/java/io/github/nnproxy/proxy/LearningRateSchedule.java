package io.github.nnproxy.proxy;

/**
 * How the learning rate of Adam changes over the epochs of a training run ({@link
 * ProxyTrainer.Builder#schedule(LearningRateSchedule)}).
 *
 * <p>Why: a constant rate large enough to make fast progress early keeps the weights jittering
 * around a minimum of the loss at the end; annealing it lets the last epochs settle, which sharpens
 * the fit near the data's minimum, where an optimizer will look. Applies to {@link
 * TrainingAlgorithm#BATCHED_ADAM}; Encog's own algorithms ignore it.
 */
public enum LearningRateSchedule {
  /** The rate of {@link ProxyTrainer#learningRate()} in every epoch (the seed study's). */
  CONSTANT,
  /**
   * Cosine annealing from the trainer's rate towards 0 over {@link ProxyTrainer#epochs()}: epoch
   * {@code e} (1-based) of {@code E} uses {@code rate * (1 + cos(pi * (e - 1) / E)) / 2}, as
   * PyTorch's {@code CosineAnnealingLR} with {@code T_max = E} stepped once per epoch. Early
   * stopping may end the run before the rate is small.
   */
  COSINE;

  /**
   * Returns the learning rate of an epoch.
   *
   * @param base the trainer's learning rate
   * @param epoch the epoch, 1-based
   * @param epochs the trainer's maximal number of epochs
   * @return the rate to use in that epoch
   */
  public double rate(double base, int epoch, int epochs) {
    return switch (this) {
      case CONSTANT -> base;
      case COSINE -> base * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2;
    };
  }
}
