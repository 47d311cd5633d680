package org.klaster.bench.complexity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.EconomicComplexity;
import org.klaster.linalg.Blas;
import org.klaster.linalg.DenseMatrix;

/**
 * The economic-complexity benchmark (bench/complexity/run.sh): generates the exports matrix and times
 * {@link EconomicComplexity#compute} on it.
 *
 * <pre>
 * generate OUT.npy [LOCATIONS PRODUCTS]       deterministic exports matrix (default 250 × 5000)
 * run IN.npy OUTDIR [WARMUP RUNS]             warm-up runs, then timed runs of compute(x, 1);
 *                                             prints every time and the median, writes OUTDIR/java_*.npy
 * </pre>
 * Only compute is timed: reading the file and writing the results are outside the clock.
 */
public final class ComplexityBench {

    /** Locations left with a zero total (no reported trade): exercise the drop logic. */
    static final int[] ZERO_LOCATIONS = {17};
    /** Products with a zero world total. */
    static final int[] ZERO_PRODUCTS = {101, 2002, 4999};

    private ComplexityBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            int c = args.length > 2 ? Integer.parseInt(args[2]) : 250;
            int p = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
            DenseMatrix x = exports(c, p, 20261128L);
            Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
            Npy.write(Path.of(args[1]), x);
            long nonzero = Arrays.stream(x.data()).filter(v -> v > 0).count();
            System.out.printf(Locale.ROOT, "wrote %s: %d × %d, %.1f%% non-zero%n", args[1], c, p, 100.0 * nonzero / (c * (long) p));
        } else if (args.length >= 3 && args[0].equals("run")) {
            run(Path.of(args[1]), Path.of(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 5, args.length > 4 ? Integer.parseInt(args[4]) : 10);
        } else {
            System.err.println("usage: ComplexityBench generate OUT.npy [LOCATIONS PRODUCTS] | run IN.npy OUTDIR [WARMUP RUNS]");
            System.exit(2);
        }
    }

    static void run(Path in, Path outDir, int warmup, int runs) throws IOException {
        DenseMatrix x = Npy.readMatrix(in);
        System.out.println("netlib backend: " + Blas.backend());
        ComplexityResult r = null;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            r = null;   // let the previous result go before the next run allocates its own
            long t0 = System.nanoTime();
            r = EconomicComplexity.compute(x, EconomicComplexity.DEFAULT_THRESHOLD);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= warmup) {
                times.add(s);
            }
            System.out.printf(Locale.ROOT, "%s %d: %.4f s%n", i < warmup ? "warm-up" : "run", i < warmup ? i + 1 : i - warmup + 1, s);
        }
        double median = median(times);
        System.out.printf(Locale.ROOT, "java median %.4f s over %d runs (after %d warm-up)%n", median, runs, warmup);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("java_times.txt"),
                String.join("\n", times.stream().map(t -> String.format(Locale.ROOT, "%.6f", t)).toList()) + "\n");
        Npy.write(outDir.resolve("java_eci.npy"), r.eci());
        Npy.write(outDir.resolve("java_pci.npy"), r.pci());
        Npy.write(outDir.resolve("java_coi.npy"), r.coi());
        Npy.write(outDir.resolve("java_rca.npy"), r.rca());
        Npy.write(outDir.resolve("java_density.npy"), r.density());
        Npy.write(outDir.resolve("java_cog.npy"), r.cog());
        Npy.write(outDir.resolve("java_eigenvalues.npy"), new double[] {r.firstEigenvalue(), r.secondEigenvalue()});
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    /**
     * A synthetic exports matrix with the nested structure of real trade (Hausmann &amp; Hidalgo's
     * capability model, "The network structure of economic output", 2011): there are
     * {@value #CAPABILITIES} capabilities; location c has each with probability r_c (spread from 0.35 to
     * 0.95, so some locations have few and some almost all); product p needs each with probability q_p
     * (0.01–0.10, so a few products need one or two and some need many). c makes p in quantity
     * size_c·size_p·lognormal(0, 1) when it has every capability p needs — diversified locations make
     * the products few can, which makes M nested; otherwise, with probability 0.2, it re-exports a
     * small amount (1% of that size), the noise real data has. Sizes are lognormal (σ 1.5 for
     * locations, 1 for products). The locations {@link #ZERO_LOCATIONS} and products
     * {@link #ZERO_PRODUCTS} are then set to 0 to exercise the left-out logic. Deterministic:
     * {@link SplittableRandom} with a fixed seed (its algorithm is specified), Box–Muller normals.
     */
    static DenseMatrix exports(int locations, int products, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[][] has = new boolean[locations][CAPABILITIES];
        double[] sizeC = new double[locations];
        for (int c = 0; c < locations; c++) {
            double r = 0.35 + 0.6 * rnd.nextDouble();
            for (int a = 0; a < CAPABILITIES; a++) {
                has[c][a] = rnd.nextDouble() < r;
            }
            sizeC[c] = Math.exp(1.5 * gaussian(rnd));
        }
        DenseMatrix x = new DenseMatrix(locations, products);
        double[] d = x.data();
        boolean[] needs = new boolean[CAPABILITIES];
        for (int p = 0; p < products; p++) {
            double q = 0.01 + 0.09 * rnd.nextDouble();
            for (int a = 0; a < CAPABILITIES; a++) {
                needs[a] = rnd.nextDouble() < q;
            }
            double sizeP = Math.exp(gaussian(rnd));
            for (int c = 0; c < locations; c++) {
                boolean able = true;
                for (int a = 0; a < CAPABILITIES && able; a++) {
                    able = !needs[a] || has[c][a];
                }
                double noise = Math.exp(gaussian(rnd));
                double u = rnd.nextDouble();
                d[c + p * locations] = able ? sizeC[c] * sizeP * noise : u < 0.2 ? 0.01 * sizeC[c] * sizeP * noise : 0.0;
            }
        }
        for (int c : ZERO_LOCATIONS) {
            if (c < locations) {
                for (int p = 0; p < products; p++) {
                    d[c + p * locations] = 0.0;
                }
            }
        }
        for (int p : ZERO_PRODUCTS) {
            if (p < products) {
                Arrays.fill(d, p * locations, (p + 1) * locations, 0.0);
            }
        }
        return x;
    }

    static final int CAPABILITIES = 40;

    /** A standard normal by Box–Muller from two uniforms. */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();   // (0, 1]
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
