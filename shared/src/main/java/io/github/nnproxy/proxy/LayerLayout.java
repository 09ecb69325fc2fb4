package io.github.nnproxy.proxy;

import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.neural.flat.FlatNetwork;

/**
 * Where each layer of an Encog {@link FlatNetwork} keeps its weights, read input-first (Encog
 * stores layers output-first): layer {@code t} maps {@code in[t]} input neurons plus one bias
 * neuron to {@code out[t]} outputs, and the weights of its output neuron {@code j} are the {@code
 * in[t] + 1} values from {@code offset[t] + j * (in[t] + 1)}, the bias last. The one place that
 * decodes Encog's layout, for {@link DenseForward} and {@link AdamKernel}.
 *
 * @param in the input neurons of each layer, without the bias
 * @param out the output neurons of each layer
 * @param offset the index of each layer's first weight in Encog's flat array
 * @param biasActivation the value of each layer's bias neuron
 */
record LayerLayout(int[] in, int[] out, int[] offset, double[] biasActivation) {

  /**
   * Reads the layout of a network.
   *
   * @throws IllegalArgumentException if a layer does not have exactly one bias neuron
   */
  static LayerLayout of(FlatNetwork flat) {
    int[] counts = flat.getLayerCounts();
    int[] feed = flat.getLayerFeedCounts();
    int[] weightIndex = flat.getWeightIndex();
    double[] bias = flat.getBiasActivation();
    int layers = counts.length - 1;
    int[] in = new int[layers];
    int[] out = new int[layers];
    int[] offset = new int[layers];
    double[] biasActivation = new double[layers];
    for (int t = 0; t < layers; t++) {
      int source = counts.length - 1 - t; // Encog's index of this layer's input layer
      if (counts[source] != feed[source] + 1) {
        throw new IllegalArgumentException("layer " + t + " must have exactly one bias neuron");
      }
      in[t] = feed[source];
      out[t] = feed[source - 1];
      offset[t] = weightIndex[source - 1];
      biasActivation[t] = bias[source];
    }
    return new LayerLayout(in, out, offset, biasActivation);
  }

  /**
   * Reads the activation of the hidden layers: one {@link Activation} shared by all of them, as
   * nnproxy builds its networks. The output layer is not looked at (see {@link
   * #requireLinearOutput}).
   *
   * @throws IllegalArgumentException if the hidden layers differ or use an unsupported activation
   */
  static Activation hiddenActivation(FlatNetwork flat) {
    ActivationFunction[] fs = flat.getActivationFunctions();
    // Encog keeps layers output-first: fs[0] is the output layer's, the last one the input's
    if (fs.length < 3) {
      return Activation.RELU; // no hidden layer: nothing to activate
    }
    Activation a = Activation.of(fs[1]);
    for (int i = 2; i < fs.length - 1; i++) {
      if (Activation.of(fs[i]) != a) {
        throw new IllegalArgumentException("all hidden layers must have the same activation, but "
            + "found " + a.key() + " and " + Activation.of(fs[i]).key());
      }
    }
    return a;
  }

  /**
   * Checks that the output layer is linear, as the kernels compute it.
   *
   * @throws IllegalArgumentException if it is not, naming its activation
   */
  static void requireLinearOutput(FlatNetwork flat) {
    ActivationFunction output = flat.getActivationFunctions()[0];
    if (!(output instanceof ActivationLinear)) {
      throw new IllegalArgumentException("the output layer must be linear, but was "
          + output.getClass().getSimpleName());
    }
  }

  /** Returns the number of layers (weight matrices). */
  int layers() {
    return in.length;
  }

  /** Returns the widest layer, inputs or outputs, without bias neurons. */
  int maxWidth() {
    int width = 0;
    for (int t = 0; t < in.length; t++) {
      width = Math.max(width, Math.max(in[t], out[t]));
    }
    return width;
  }
}
