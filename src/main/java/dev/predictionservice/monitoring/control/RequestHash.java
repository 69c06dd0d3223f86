package dev.predictionservice.monitoring.control;

/**
 * Turns a request's key (its X-Canary-Key, else its X-Request-ID) into a share in [0, 1): the same key gives the same
 * share on every replica, JVM and restart (integer arithmetic only; String.hashCode would cluster the similar ids
 * that clients make), so a client that keeps its key keeps its version. Each use has its own salt, so the requests
 * in the canary and those copied to the shadow are drawn independently.
 */
final class RequestHash {

  static final long CANARY = 0x9E3779B97F4A7C15L;
  static final long SHADOW = 0xC2B2AE3D27D4EB4FL;

  private RequestHash() {}

  /** Whether {@code key} falls in the first {@code share} of the keys (0 takes none, 1 takes all). */
  static boolean within(String key, long salt, double share) {
    return share(key, salt) < share;
  }

  /** FNV-1a over the characters, then MurmurHash3's finaliser to spread the bits; the top 53 bits as a double. */
  static double share(String key, long salt) {
    long h = 0xcbf29ce484222325L ^ salt;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe1a85ec5L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }
}
