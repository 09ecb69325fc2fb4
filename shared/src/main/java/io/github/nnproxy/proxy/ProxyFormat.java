package io.github.nnproxy.proxy;

import io.github.nnproxy.Domain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The binary file format of a saved {@link Proxy}: a magic line {@code NNPROXY\n}, the format
 * version (big-endian int), the body (description, domain, layer sizes, activation, target
 * scaling, weights, quality and sampling failures, in that order, as {@link DataOutputStream}
 * writes them), and a CRC-32 of everything before it (big-endian long).
 *
 * <p>Version 2 added the hidden layers' activation and the rank measures of {@link ProxyQuality};
 * version 3 the failure kinds of external programs. Older versions still load (version 1 means
 * ReLU and no rank measures). Reading checks the checksum, every size against the bytes present
 * and the layers against the domain, and names the file and what is wrong in its exception.
 */
final class ProxyFormat {

  /** The version {@link #toBytes(Proxy)} writes. */
  static final int VERSION = 3;

  private static final byte[] MAGIC = "NNPROXY\n".getBytes(StandardCharsets.US_ASCII);

  private ProxyFormat() {}

  /** Returns the file bytes of a proxy, checksum included. */
  static byte[] toBytes(Proxy proxy) {
    ProxyQuality quality = proxy.quality();
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(proxy.description());
      writeDoubles(out, proxy.domain().lower());
      writeDoubles(out, proxy.domain().upper());
      int[] layerSizes = proxy.layerSizes();
      out.writeInt(layerSizes.length);
      for (int s : layerSizes) {
        out.writeInt(s);
      }
      out.writeUTF(proxy.activation().key());
      out.writeDouble(proxy.targetMean());
      out.writeDouble(proxy.targetScale());
      writeDoubles(out, proxy.weights());
      out.writeDouble(quality.trainRmse());
      out.writeDouble(quality.validationRmse());
      out.writeDouble(quality.validationR2());
      out.writeDouble(quality.maxAbsValidationError());
      out.writeInt(quality.samplesUsed());
      out.writeInt(quality.samplesDropped());
      out.writeInt(quality.epochsRun());
      out.writeInt(quality.bestEpoch());
      out.writeLong(quality.trainingTime().toNanos());
      out.writeInt(quality.failures().thrown());
      out.writeInt(quality.failures().nan());
      out.writeInt(quality.failures().infinite());
      out.writeInt(quality.failures().timedOut());
      out.writeDouble(quality.validationSpearman());
      out.writeDouble(quality.lowDecileRmse());
      out.writeInt(quality.failures().exitStatus());
      out.writeInt(quality.failures().garbledOutput());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bos.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] all = Arrays.copyOf(body, body.length + Long.BYTES);
    long c = crc.getValue();
    for (int i = 0; i < Long.BYTES; i++) {
      all[body.length + i] = (byte) (c >>> (56 - 8 * i));
    }
    return all;
  }

  /**
   * Reads file bytes written by {@link #toBytes(Proxy)} (or an older version).
   *
   * @throws IllegalArgumentException naming {@code source} if the bytes are not a proxy file, are
   *     corrupt or truncated, or come from a newer version
   */
  static Proxy fromBytes(byte[] bytes, String source) {
    if (bytes.length < MAGIC.length + Integer.BYTES + Long.BYTES
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(source + " is not an nnproxy proxy file (bad header)");
    }
    int version = ((bytes[8] & 0xff) << 24) | ((bytes[9] & 0xff) << 16) | ((bytes[10] & 0xff) << 8)
        | (bytes[11] & 0xff);
    if (version > VERSION || version < 1) {
      throw new IllegalArgumentException(source + " has proxy format version " + version
          + ", but this nnproxy reads versions 1 to " + VERSION
          + (version > VERSION ? ": it was written by a newer nnproxy" : ""));
    }
    int bodyLength = bytes.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bodyLength);
    long stored = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      stored = (stored << 8) | (bytes[bodyLength + i] & 0xff);
    }
    if (stored != crc.getValue()) {
      throw new IllegalArgumentException(
          source + " is corrupt or truncated (checksum mismatch): retrain or restore the proxy");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
      in.skipNBytes(MAGIC.length + Integer.BYTES);
      String description = in.readUTF();
      double[] lower = readDoubles(in, 100_000);
      double[] upper = readDoubles(in, 100_000);
      int layers = in.readInt();
      if (layers < 2 || layers > 1000) {
        throw new IllegalArgumentException(source + ": bad layer count " + layers);
      }
      int[] sizes = new int[layers];
      for (int i = 0; i < layers; i++) {
        sizes[i] = in.readInt();
        if (sizes[i] <= 0) {
          throw new IllegalArgumentException(source + ": bad size " + sizes[i] + " of layer " + i);
        }
      }
      Activation activation = Activation.RELU;
      if (version >= 2) {
        String key = in.readUTF();
        try {
          activation = Activation.parse(key);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
      }
      double mean = in.readDouble();
      double scale = in.readDouble();
      double[] weights = readDoubles(in, Integer.MAX_VALUE - 8);
      double trainRmse = in.readDouble();
      double validationRmse = in.readDouble();
      double r2 = in.readDouble();
      double maxAbs = in.readDouble();
      int used = in.readInt();
      int dropped = in.readInt();
      int epochs = in.readInt();
      int bestEpoch = in.readInt();
      Duration time = Duration.ofNanos(in.readLong());
      int thrown = in.readInt();
      int nan = in.readInt();
      int infinite = in.readInt();
      int timedOut = in.readInt();
      double spearman = version >= 2 ? in.readDouble() : Double.NaN;
      double lowDecile = version >= 2 ? in.readDouble() : Double.NaN;
      int exitStatus = version >= 3 ? in.readInt() : 0;
      int garbled = version >= 3 ? in.readInt() : 0;
      SampleFailures failures =
          new SampleFailures(thrown, nan, infinite, timedOut, exitStatus, garbled);
      ProxyQuality q = new ProxyQuality(trainRmse, validationRmse, r2, maxAbs, used, dropped,
          epochs, bestEpoch, time, failures, spearman, lowDecile);
      if (in.available() != 0) {
        throw new IllegalArgumentException(source + ": " + in.available() + " unexpected bytes");
      }
      Domain domain = new Domain(lower, upper);
      if (sizes[0] != domain.dimension() || sizes[layers - 1] != 1) {
        throw new IllegalArgumentException(source + ": layer sizes " + Arrays.toString(sizes)
            + " do not fit a " + domain.dimension() + "-D domain and one output");
      }
      int expected = Proxy.network(sizes, activation).encodedArrayLength();
      if (weights.length != expected) {
        throw new IllegalArgumentException(source + ": " + weights.length
            + " weights, but the layers " + Arrays.toString(sizes) + " need " + expected);
      }
      for (int i = 0; i < weights.length; i++) {
        if (!Double.isFinite(weights[i])) {
          throw new IllegalArgumentException(source + ": weight " + i + " is " + weights[i]);
        }
      }
      if (!Double.isFinite(mean) || !(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException(
            source + ": bad target scaling, mean " + mean + ", scale " + scale);
      }
      return new Proxy(domain, sizes, activation, weights, mean, scale, q, description);
    } catch (EOFException e) {
      throw new IllegalArgumentException(source + " is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double x : v) {
      out.writeDouble(x);
    }
  }

  private static double[] readDoubles(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max || n > in.available() / Double.BYTES) {
      throw new EOFException("array length " + n);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }
}
