package org.klaster.data.demo;

/**
 * The demo's pseudo-random numbers: SplitMix64 (Steele, Lea &amp; Flood 2014), written out here so that
 * the sequence depends on nothing but this code. Gaussians use Box–Muller with {@link StrictMath}, whose
 * results are bit-for-bit the same on every JVM; {@link Math} may differ in the last bit between
 * platforms and would break reproducibility.
 */
final class DemoRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    DemoRandom(long seed) {
        this.state = seed;
    }

    /** A generator whose stream is determined by a seed and a list of keys (order matters). */
    static DemoRandom of(long seed, long... keys) {
        return new DemoRandom(key(seed, keys));
    }

    static long key(long seed, long... keys) {
        long h = mix(seed);
        for (long k : keys) {
            h = mix(h ^ mix(k + GOLDEN));
        }
        return h;
    }

    /** FNV-1a 64-bit hash of a string's UTF-16 units: a stable key for codes such as {@code RU-SAM}. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1]. */
    double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller, one value per call). */
    double nextGaussian() {
        double u1 = nextOpenDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** exp(sigma · N(0,1)): a multiplicative noise factor with median 1. */
    double logNormal(double sigma) {
        return sigma == 0 ? 1.0 : StrictMath.exp(sigma * nextGaussian());
    }
}
