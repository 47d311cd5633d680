package org.klaster.bench.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic, productive and exactly balanced n-sector {@code io.csv} (formats.md §2) for the
 * input–output benchmarks; the same (n, seed, density) always gives the same bytes.
 *
 * <p>Construction (all values are whole numbers, so the CSV text is exact and every reader sees the
 * same doubles):
 * <ul>
 *   <li>z_ij: nonzero with probability {@code density} (always on the diagonal), then
 *       ⌊10^(5u)⌋ for u uniform in [0, 1) — a heavy-tailed flow between 1 and 10⁵;</li>
 *   <li>x_i = ⌈max(Σ_j z_ij, Σ_j z_ji)·(1.25 + u)⌉, so final demand x_i − Σ_j z_ij &gt; 0 and every
 *       column of A sums to at most 1/1.25 = 0.8 (productive: ρ(A) ≤ 0.8);</li>
 *   <li>final demand split ⌊0.55·f⌋ households, ⌊0.15·f⌋ government, the rest exports;</li>
 *   <li>imports_j = ⌊(x_j − Σ_i z_ij)·(0.1 + 0.3u)⌋ (an {@code imports} row) and
 *       va_j = x_j − Σ_i z_ij − imports_j &gt; 0, so every column balances exactly;</li>
 *   <li>a {@code total_output} column with x_i.</li>
 * </ul>
 *
 * <p>usage: {@code IoTableGenerator N OUT.csv [SEED] [DENSITY]} (defaults seed 42, density 0.3).
 */
public final class IoTableGenerator {

    private IoTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: IoTableGenerator N OUT.csv [SEED] [DENSITY]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        double density = args.length > 3 ? Double.parseDouble(args[3]) : 0.3;
        long t0 = System.nanoTime();
        write(n, seed, density, out);
        System.err.printf("wrote %s: %d sectors, %d bytes, %.1f s%n", out, n, Files.size(out),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Generates the table and writes it to {@code out}. */
    static void write(int n, long seed, double density, Path out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        // row-major, so that CSV rows are contiguous; flows fit an int (≤ 10^5)
        int[] z = new int[Math.multiplyExact(n, n)];
        long[] rowSum = new long[n];
        long[] colSum = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double u = rnd.nextDouble();
                if (i == j || u < density) {
                    int v = (int) Math.pow(10.0, 5.0 * rnd.nextDouble());
                    z[i * n + j] = v;
                    rowSum[i] += v;
                    colSum[j] += v;
                }
            }
        }
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = (long) Math.ceil(Math.max(rowSum[i], colSum[i]) * (1.25 + rnd.nextDouble()));
        }
        long[] imports = new long[n];
        long[] va = new long[n];
        for (int j = 0; j < n; j++) {
            long primary = x[j] - colSum[j];
            imports[j] = (long) Math.floor(primary * (0.1 + 0.3 * rnd.nextDouble()));
            va[j] = primary - imports[j];
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            Line line = new Line(os);
            line.text("code");
            for (int j = 0; j < n; j++) {
                line.comma().text(code(j, n));
            }
            line.comma().text("fd:households").comma().text("fd:government").comma().text("fd:exports")
                    .comma().text("total_output").end();
            for (int i = 0; i < n; i++) {
                line.text(code(i, n));
                for (int j = 0; j < n; j++) {
                    line.comma().number(z[i * n + j]);
                }
                long f = x[i] - rowSum[i];
                long households = (long) Math.floor(0.55 * f);
                long government = (long) Math.floor(0.15 * f);
                line.comma().number(households).comma().number(government).comma().number(f - households - government)
                        .comma().number(x[i]).end();
            }
            line.text("imports");
            for (int j = 0; j < n; j++) {
                line.comma().number(imports[j]);
            }
            line.text(",,,,").end();
            line.text("value_added");
            for (int j = 0; j < n; j++) {
                line.comma().number(va[j]);
            }
            line.text(",,,,").end();
        }
    }

    /** S0001 … : zero-padded so that codes sort in table order. */
    static String code(int i, int n) {
        int width = Math.max(4, Integer.toString(n).length());
        StringBuilder s = new StringBuilder("S").append(i + 1);
        while (s.length() < width + 1) {
            s.insert(1, '0');
        }
        return s.toString();
    }

    /** A tiny ASCII line writer (no per-number String garbage). */
    private static final class Line {
        private final OutputStream os;
        private final byte[] digits = new byte[20];

        Line(OutputStream os) {
            this.os = os;
        }

        Line text(String s) throws IOException {
            for (int c = 0; c < s.length(); c++) {
                os.write(s.charAt(c));
            }
            return this;
        }

        Line comma() throws IOException {
            os.write(',');
            return this;
        }

        Line number(long v) throws IOException {
            if (v < 0) {
                os.write('-');
                v = -v;
            }
            int p = digits.length;
            do {
                digits[--p] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            os.write(digits, p, digits.length - p);
            return this;
        }

        void end() throws IOException {
            os.write('\n');
        }
    }
}
