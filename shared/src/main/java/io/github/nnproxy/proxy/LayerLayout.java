package io.github.nnproxy.proxy;

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
