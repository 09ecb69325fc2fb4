package io.github.nnproxy.spark;

import io.github.nnproxy.ForwardModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Checks that a model can be shipped to Spark executors by serializing it as Spark does. */
final class Shipping {
  private Shipping() {}

  /**
   * Serializes {@code model} with Java serialization (Spark's closure serializer) and reads it
   * back.
   *
   * @throws IllegalArgumentException if either fails, naming the model's class and the cause
   */
  static void check(ForwardModel model) {
    String what = model.getClass().getName();
    byte[] bytes;
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
        out.writeObject(model);
      }
      bytes = buf.toByteArray();
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("model must be serializable to run on Spark executors, "
          + "but " + what + " is not: it holds an instance of " + e.getMessage()
          + ", which does not implement java.io.Serializable. Make the model and everything it "
          + "holds Serializable (a lambda needs a Serializable target type)", e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("model must be serializable to run on Spark executors, "
          + "but serializing " + what + " failed: " + e, e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
          throws IOException, ClassNotFoundException {
        try {
          return Class.forName(desc.getName(), false, model.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new IllegalArgumentException("model must be serializable to run on Spark executors, "
          + "but " + what + " cannot be read back after serializing: " + e, e);
    }
  }
}
