package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.klaster.linalg.DenseMatrix;

/**
 * Random balanced tables for identity tests: Z ≥ 0 with ~30 % zeros, positive final demand in
 * three categories (exports included), x = row sums, and the column residual x_j − Σ_i z_ij
 * (positive by construction) split into imports and value added, so that every column balances.
 */
final class RandomTables {

    private RandomTables() {
    }

    static List<String> codes(int n) {
        List<String> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add(String.format("S%02d", i + 1));
        }
        return s;
    }

    /** A balanced table with an {@code imports} row (importMatrix = false) or {@code import:} rows. */
    static IoTable balanced(long seed, int n, boolean importMatrix) {
        Random rnd = new Random(seed);
        DenseMatrix z = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z.set(i, j, rnd.nextDouble() < 0.3 ? 0.0 : 10 * rnd.nextDouble());
            }
        }
        List<String> categories = List.of("fd:households", "fd:investment", IoTable.EXPORTS);
        DenseMatrix f = new DenseMatrix(n, 3);
        for (int i = 0; i < n; i++) {
            double total = 10 * n * (0.5 + 1.5 * rnd.nextDouble());
            double s1 = rnd.nextDouble();
            double s2 = rnd.nextDouble() * (1 - s1);
            f.set(i, 0, total * s1);
            f.set(i, 1, total * s2);
            f.set(i, 2, total * (1 - s1 - s2));
        }
        double[] x = IoMath.totalOutput(z, f);
        double[] inputs = z.columnSums();
        double[] imports = new double[n];
        double[] va = new double[n];
        for (int j = 0; j < n; j++) {
            double primary = x[j] - inputs[j];
            if (primary <= 0) {
                throw new IllegalStateException("generator produced a column without primary inputs");
            }
            imports[j] = primary * (0.1 + 0.5 * rnd.nextDouble());
            va[j] = primary - imports[j];
        }
        IoTable t = IoTable.of(codes(n), z, categories, f).withValueAdded(va);
        if (!importMatrix) {
            return t.withImports(imports, new double[] {1, 2, 0});
        }
        DenseMatrix m = new DenseMatrix(n, n);
        for (int j = 0; j < n; j++) {
            double[] w = new double[n];
            double sw = 0;
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextDouble();
                sw += w[i];
            }
            for (int i = 0; i < n; i++) {
                m.set(i, j, imports[j] * w[i] / sw);
            }
        }
        return t.withImportMatrix(m, null);
    }

    /** Random rates in [−0.3, 0.3] for a few sectors. */
    static java.util.Map<String, Double> rates(long seed, List<String> sectors, int count) {
        Random rnd = new Random(seed);
        java.util.Map<String, Double> r = new java.util.LinkedHashMap<>();
        while (r.size() < count) {
            r.put(sectors.get(rnd.nextInt(sectors.size())), -0.3 + 0.6 * rnd.nextDouble());
        }
        return r;
    }
}
