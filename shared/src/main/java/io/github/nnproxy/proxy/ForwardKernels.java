package io.github.nnproxy.proxy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.encog.neural.flat.FlatNetwork;

/**
 * Chooses a proxy's forward pass: the vector kernel ({@code VectorForward}, written with the JDK's
 * incubating vector API) when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * and its preferred vectors hold at least four doubles, otherwise the portable {@link
 * PortableForward}.
 * For ReLU both give Encog's {@code compute} bit for bit, so the choice changes speed only. For
 * SiLU and tanh the vector kernel computes the exponential with vector arithmetic instead of
 * {@code Math.exp} and {@code Math.tanh}, within a few units in the last place per activation and
 * within 1e-12 relative of Encog's output (VectorForwardTest); the portable kernel stays
 * bit-identical. That is what makes the smooth activations nearly as fast as ReLU there
 * (docs/BENCHMARKS.md).
 *
 * <p>The system property {@value #PROPERTY}{@code =false} keeps the portable kernel even when the
 * module is there, to measure one against the other in the same JVM setup.
 */
final class ForwardKernels {
  /** The system property that turns the vector kernel off ({@code false}). */
  static final String PROPERTY = "nnproxy.vector";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_KERNEL = "io.github.nnproxy.proxy.VectorForward";
  private static final Constructor<?> VECTOR = vectorConstructor();

  private ForwardKernels() {}

  /** Returns whether proxies made from now on use the vector kernel. */
  static boolean vectorized() {
    return VECTOR != null;
  }

  /**
   * Returns the forward pass for a network: the vector kernel when it is available (see the class
   * comment), else the portable one.
   */
  static ForwardKernel of(FlatNetwork flat, double[] center, double[] invHalfWidth) {
    ForwardKernel vector = vectorOrNull(flat, center, invHalfWidth);
    return vector != null ? vector : new PortableForward(flat, center, invHalfWidth);
  }

  /**
   * Returns the vector kernel for a network, or null when it is not available (see the class
   * comment).
   */
  static ForwardKernel vectorOrNull(FlatNetwork flat, double[] center, double[] invHalfWidth) {
    if (VECTOR == null) {
      return null;
    }
    try {
      return (ForwardKernel) VECTOR.newInstance(flat, center, invHalfWidth);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the vector kernel failed to build", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the vector kernel failed to build", e);
    }
  }

  private static Constructor<?> vectorConstructor() {
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())
        || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return null;
    }
    try {
      Class<?> kernel = Class.forName(VECTOR_KERNEL, true, ForwardKernels.class.getClassLoader());
      int lanes = (int) kernel.getDeclaredMethod("lanes").invoke(null);
      if (lanes < 4) {
        return null;
      }
      return kernel.getDeclaredConstructor(FlatNetwork.class, double[].class, double[].class);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
