package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;

/**
 * The active part of a table (sectors with non-zero output), shared by the models: positions in the
 * table, x, Z, final-demand totals, imports and value added restricted to active sectors. Inactive
 * sectors are left out of every matrix (and of n); results are expanded back with NaN (printed empty).
 */
final class ActiveTable {

    final IoTable table;
    final int[] index;            // active position → table position
    final List<String> sectors;   // active codes
    final double[] x;             // total output (computed from full rows)
    final double[] finalDemand;   // Σ_k f_ik
    final double[] imports;       // imported intermediate inputs of using sector j, or null
    final double[] valueAdded;    // or null

    private ActiveTable(IoTable table, int[] index) {
        this.table = table;
        this.index = index;
        List<String> codes = new ArrayList<>(index.length);
        for (int i : index) {
            codes.add(table.sectors().get(i));
        }
        this.sectors = List.copyOf(codes);
        this.x = pick(table.totalOutput(), index);
        this.finalDemand = pick(table.finalDemand().rowSums(), index);
        double[] m = table.intermediateImports();
        this.imports = m == null ? null : pick(m, index);
        this.valueAdded = table.valueAdded() == null ? null : pick(table.valueAdded(), index);
    }

    static ActiveTable of(IoTable table) {
        int[] index = table.activeSectors();
        if (index.length == 0) {
            throw new AnalysisException(Text.core("io.no.active.sector"));
        }
        ActiveTable a = new ActiveTable(table, index);
        for (int i = 0; i < a.x.length; i++) {
            if (a.x[i] < 0) {
                throw new InvalidParameterException(Text.core("io.output.negative", a.sectors.get(i)));
            }
        }
        return a;
    }

    /**
     * Z restricted to active sectors (a fresh copy each call, so that models keep only their
     * coefficient matrices); checks that flows are finite and nonnegative.
     */
    DenseMatrix intermediate() {
        DenseMatrix z = table.intermediate().select(index, index);
        for (double v : z.data()) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidParameterException(Text.core("io.flows.invalid"));
            }
        }
        return z;
    }

    int size() {
        return index.length;
    }

    /** Primary inputs p_j = imports_j + va_j of active sectors, or null without value added. */
    double[] primaryInputs() {
        if (valueAdded == null) {
            return null;
        }
        double[] p = valueAdded.clone();
        if (imports != null) {
            for (int j = 0; j < p.length; j++) {
                p[j] += imports[j];
            }
        }
        return p;
    }

    /** A table-length copy of active values, NaN at inactive positions. */
    double[] expand(double[] activeValues) {
        double[] r = new double[table.size()];
        Arrays.fill(r, Double.NaN);
        for (int a = 0; a < index.length; a++) {
            r[index[a]] = activeValues[a];
        }
        return r;
    }

    private static double[] pick(double[] v, int[] index) {
        double[] r = new double[index.length];
        for (int a = 0; a < index.length; a++) {
            r[a] = v[index[a]];
        }
        return r;
    }
}
