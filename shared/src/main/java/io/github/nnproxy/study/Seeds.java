package io.github.nnproxy.study;

import java.nio.charset.StandardCharsets;

/**
 * Derives the study's seeds from a user seed and the identity of a cell, so that no seed depends
 * on the order in which cells run.
 *
 * <p>The identity's parts are joined with {@code '/'}, hashed with 64-bit FNV-1a over UTF-8, and
 * mixed with the user seed by the MurmurHash3 finalizer (a bijection of 64-bit values), so
 * different identities or seeds give unrelated streams. Stateless.
 */
final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  /**
   * Derives a seed.
   *
   * @param seed the user's seed
   * @param parts the cell's identity, e.g. {@code "run", "ackley", 2, "pso"}
   * @return the derived seed
   */
  static long derive(long seed, Object... parts) {
    StringBuilder key = new StringBuilder();
    for (Object p : parts) {
      key.append('/').append(p);
    }
    long h = FNV_OFFSET;
    for (byte b : key.toString().getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return mix(mix(seed) ^ h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
