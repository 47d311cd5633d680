package org.klaster.bench.complexity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.klaster.linalg.DenseMatrix;

/**
 * The exports file of the end-to-end complexity benchmark (bench/complexity/e2e.sh): formats.md §4
 * {@code year,location,product,value}, one year (2024), from the capability-model matrix of
 * {@link ComplexityBench#exports} (same seed, so the same nested structure).
 *
 * <pre>
 * ExportsCsv OUT.csv [LOCATIONS PRODUCTS ROWS]     default 250 × 5000, 500 000 rows
 * </pre>
 * The ROWS − z largest non-zero cells are written (the rest — the smallest re-exports — are left out,
 * i.e. 0 after rectangularisation), plus z explicit zero rows for the all-zero location and products
 * ({@link ComplexityBench#ZERO_LOCATIONS}, {@link ComplexityBench#ZERO_PRODUCTS}), so that the
 * left-out logic runs. Values are US dollars with cents: round(x · 10⁸) / 100, written as the
 * shortest decimal (e.g. {@code 1234.5}, {@code 87}). Codes: {@code C001}… and {@code P0001}…, so
 * string order is index order. Rows by location, then product. Deterministic: same bytes every run.
 */
public final class ExportsCsv {

    private ExportsCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 4) {
            System.err.println("usage: ExportsCsv OUT.csv [LOCATIONS PRODUCTS ROWS]");
            System.exit(2);
        }
        int nc = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int np = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 500_000;
        DenseMatrix x = ComplexityBench.exports(nc, np, 20261128L);
        double[] d = x.data();   // column-major: cell (c, p) at c + p·nc
        boolean[] keep = new boolean[d.length];
        int zeros = 0;
        for (int c : ComplexityBench.ZERO_LOCATIONS) {
            for (int p = 0; p < Math.min(20, np); p++) {
                if (c < nc && !keep[c + p * nc]) {
                    keep[c + p * nc] = true;
                    zeros++;
                }
            }
        }
        for (int p : ComplexityBench.ZERO_PRODUCTS) {
            for (int c = 0; c < Math.min(10, nc); c++) {
                if (p < np && !keep[c + p * nc]) {
                    keep[c + p * nc] = true;
                    zeros++;
                }
            }
        }
        // the largest rows − zeros non-zero cells (ties by index)
        Integer[] order = new Integer[d.length];
        int nonzero = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] > 0) {
                order[nonzero++] = i;
            }
        }
        Integer[] nz = Arrays.copyOf(order, nonzero);
        Arrays.sort(nz, (a, b) -> a.equals(b) ? 0 : d[a] != d[b] ? Double.compare(d[b], d[a]) : Integer.compare(a, b));
        int take = Math.min(nonzero, rows - zeros);
        for (int k = 0; k < take; k++) {
            keep[nz[k]] = true;
        }
        long written = 0;
        Path out = Path.of(args[0]);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("year,location,product,value\n");
            StringBuilder line = new StringBuilder(64);
            for (int c = 0; c < nc; c++) {
                for (int p = 0; p < np; p++) {
                    int i = c + p * nc;
                    if (!keep[i]) {
                        continue;
                    }
                    long cents = Math.round(d[i] * 1e8);
                    line.setLength(0);
                    line.append("2024,").append(String.format(Locale.ROOT, "C%03d", c + 1)).append(',')
                            .append(String.format(Locale.ROOT, "P%04d", p + 1)).append(',').append(cents / 100);
                    long frac = cents % 100;
                    if (frac != 0) {
                        line.append('.').append(frac / 10);
                        if (frac % 10 != 0) {
                            line.append(frac % 10);
                        }
                    }
                    w.append(line).append('\n');
                    written++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d rows (%d non-zero cells of %d kept, %d explicit zeros), %d × %d%n",
                args[0], written, take, nonzero, zeros, nc, np);
    }
}
