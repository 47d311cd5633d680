package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactDecimal} writes byte for byte what the former {@code TableWriter.exact(Double)} wrote,
 * on millions of doubles of every kind: random bit patterns (every exponent, subnormals), uniform
 * and normal values at every decimal scale, powers of ten and two and their neighbours, whole
 * numbers around and above 10¹⁵, negatives, ±0.0, ±∞, NaN.
 */
class ExactDecimalTest {

    /** The former TableWriter.exact for a Double, verbatim (commit a22c5ba): the oracle. */
    static String oldExact(Double d) {
        if (d.isNaN()) return "";
        if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) (double) d);
        return new BigDecimal(Double.toString(d)).toPlainString();
    }

    private final StringBuilder sb = new StringBuilder();
    private long checked;

    private void check(double v) {
        String want = oldExact(v);
        String got = ExactDecimal.of(v);
        if (!got.equals(want)) {
            throw new AssertionError("ExactDecimal.of(" + Double.toString(v) + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(v))
                    + ") is \"" + got + "\", the former writer gave \"" + want + "\"");
        }
        // the appending variant, after some text already in the builder
        sb.setLength(0);
        sb.append("x,");
        ExactDecimal.append(v, sb);
        if (sb.length() != want.length() + 2 || !sb.substring(2).equals(want)) {
            throw new AssertionError("append(" + v + ") gave \"" + sb.substring(2) + "\", expected \"" + want + "\"");
        }
        checked++;
    }

    private void checkBoth(double v) {
        check(v);
        check(-v);
        check(Math.nextUp(v));
        check(Math.nextDown(v));
    }

    @Test
    void specialValues() {
        assertThat(ExactDecimal.of(Double.NaN)).isEmpty();
        assertThat(ExactDecimal.of(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(ExactDecimal.of(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(ExactDecimal.of(0.0)).isEqualTo("0");
        assertThat(ExactDecimal.of(-0.0)).isEqualTo("0");
        assertThat(ExactDecimal.of(1234.0)).isEqualTo("1234");
        assertThat(ExactDecimal.of(-0.5)).isEqualTo("-0.5");
        assertThat(ExactDecimal.of(1e15)).isEqualTo("1000000000000000");
        assertThat(ExactDecimal.of(1e-5)).isEqualTo("0.000010");            // the kept ".0" digit (see class comment)
        assertThat(ExactDecimal.of(2.5e-7)).isEqualTo("0.00000025");
        assertThat(ExactDecimal.of(1.5e20)).isEqualTo("150000000000000000000");
        assertThat(ExactDecimal.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e15,
                -1e15, 999999999999999.0, 999999999999999.9, 1e15 + 2, 9007199254740992.0, 9007199254740993.0,
                Long.MAX_VALUE, Long.MIN_VALUE, 1e23, 8.41e21, 2.82879384806159e17, 5.684341886080802e-14, 1e-3,
                1e-4, 1e7, 1.0000001e7, 0.001, 0.0009999999999999998}) {
            check(v);
        }
        StringWriter w = new StringWriter();
        try {
            ExactDecimal.append(-2.5e-8, w);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(w.toString()).isEqualTo("-0.000000025");
    }

    @Test
    void powersOfTenAndTwoAndTheirNeighbours() {
        for (int k = -330; k <= 310; k++) {
            checkBoth(Double.parseDouble("1e" + k));
            checkBoth(Double.parseDouble("5e" + k));
            checkBoth(Double.parseDouble("2.5e" + k));
        }
        for (int k = -1074; k <= 1023; k++) {
            checkBoth(Math.scalb(1.0, k));
            checkBoth(Math.scalb(3.0, k - 1));
        }
        assertThat(checked).isGreaterThan(20_000);
    }

    @Test
    void randomBitPatternsIncludingSubnormals() {
        SplittableRandom r = new SplittableRandom(20261204L);
        for (int i = 0; i < 500_000; i++) {
            check(Double.longBitsToDouble(r.nextLong()));                         // any exponent, either sign
            check(Double.longBitsToDouble(r.nextLong(1L << 52)));                 // subnormal
            check(-Double.longBitsToDouble(r.nextLong(1L << 52)));
        }
    }

    @Test
    void randomValuesAtEveryDecimalScale() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            check(r.nextDouble());                                               // [0, 1): rca-, density-like
            check(r.nextGaussian());                                             // eci-, pci-like
            check(r.nextDouble() * Math.pow(10, r.nextInt(-40, 40)) * (r.nextBoolean() ? 1 : -1));
            check(Math.round(r.nextDouble() * 1e10) / 100.0);                    // money with cents
            check(Math.scalb((double) (r.nextLong(1L << r.nextInt(1, 20)) | 1), r.nextInt(-1074, 1000)));  // few bits
        }
    }

    @Test
    void wholeNumbersAroundAndAbove1e15() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 150_000; i++) {
            check((double) r.nextLong(1_000_000_000_000_000L));                  // below 10^15: integers
            check((double) (1_000_000_000_000_000L + r.nextLong(1L << 40)));     // just above: the BigDecimal path
            check((double) r.nextLong());                                        // up to 2^63, either sign
            check(Math.scalb((double) r.nextLong(1L << 53), r.nextInt(0, 971)));  // whole numbers ≥ 2^53, huge
        }
        for (long v = 999_999_999_999_990L; v <= 1_000_000_000_000_010L; v++) {
            check(v);
            check(-v);
            check(v + 0.5);
        }
    }
}
