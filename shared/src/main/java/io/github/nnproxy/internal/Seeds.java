package io.github.nnproxy.internal;

import java.nio.charset.StandardCharsets;

/**
 * Derives seeds from a caller's seed, so that no seed depends on the order in which work runs.
 * Not API: the package {@code io.github.nnproxy.internal} may change without notice.
 *
 * <p>Two derivations, each with its own use, both pure functions of their arguments:
 *
 * <ul>
 *   <li>{@link #derive(long, Object...)} keys a seed by an identity, e.g. a study's cell: the
 *       parts are joined with {@code '/'}, hashed with 64-bit FNV-1a over UTF-8, and mixed with
 *       the seed by the MurmurHash3 finalizer (a bijection of 64-bit values), so different
 *       identities or seeds give unrelated streams;
 *   <li>{@link #stream(long, long)} numbers the streams of one computation, e.g. the members of
 *       an ensemble or the rounds of a loop: the SplitMix64 step and finalizer.
 * </ul>
 *
 * <p>The studies' files and the managed loop's results are reproducible from these functions:
 * changing either changes results, so neither may change.
 *
 * <pre>{@code
 * long runSeed = Seeds.derive(userSeed, "run", "ackley", 2, "pso");
 * long memberSeed = Seeds.stream(seed, member);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  /**
   * Derives the seed of an identity.
   *
   * @param seed the caller's seed
   * @param parts the identity, e.g. {@code "run", "ackley", 2, "pso"}; each part's {@code
   *     toString()} counts
   * @return the derived seed
   */
  public static long derive(long seed, Object... parts) {
    StringBuilder key = new StringBuilder();
    for (Object p : parts) {
      key.append('/').append(p);
    }
    long h = FNV_OFFSET;
    for (byte b : key.toString().getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return murmurMix(murmurMix(seed) ^ h);
  }

  /**
   * Derives the seed of one numbered stream of random choices (SplitMix64).
   *
   * @param seed the master seed
   * @param stream the stream's number
   * @return a well-mixed seed, different for different streams
   */
  public static long stream(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long murmurMix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /**
   * Derives the seed of one stream of one purpose: {@code stream(stream(seed, purpose), stream)},
   * as the managed loop numbers its random choices (a purpose per kind of choice, a stream per
   * round).
   *
   * @param seed the run's seed
   * @param purpose the kind of choice, e.g. fitting or optimizing
   * @param stream the stream within it, e.g. the round
   * @return the derived seed
   */
  public static long stream(long seed, int purpose, long stream) {
    return stream(stream(seed, purpose), stream);
  }
}
