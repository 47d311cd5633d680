package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;

/**
 * A symmetric (sector × sector) input–output table in the canonical layout of formats.md §2.
 *
 * <p>The record takes ownership of the arrays and matrices it is given (no copies are made for
 * large tables): do not modify them afterwards. Shapes are checked on construction; the economic
 * consistency of the numbers is checked by {@link #validate(boolean)}.
 *
 * @param sectors               sector codes S1..Sn (unique, in table order)
 * @param names                 optional sector names (null, or n entries that may be null)
 * @param intermediate          Z, n×n: z_ij = sales of sector i to sector j (domestic flows when
 *                              import rows exist, total flows otherwise)
 * @param finalDemandCategories k category names, e.g. {@code fd:households}; {@link #EXPORTS} is exports
 * @param finalDemand           F, n×k: f_ik = final demand of category k for the product of sector i
 *                              (may be negative, e.g. inventory changes)
 * @param imports               the {@code imports} row: m_j = imported intermediate inputs of using
 *                              sector j (n), or null
 * @param importMatrix          the {@code import:S} rows: M_ij = imported product i used by sector j
 *                              (n×n), or null; at most one of imports / importMatrix is given
 * @param importsFinalUse       final-demand cells of the import rows: 1×k (with {@code imports}) or
 *                              n×k (with {@code importMatrix}); null if absent; NaN = empty cell.
 *                              Not used by any formula.
 * @param valueAdded            the {@code value_added} row va_j (n), or null
 * @param givenTotalOutput      the {@code total_output} column (n; NaN = cell left empty), or null
 */
public record IoTable(
        List<String> sectors,
        List<String> names,
        DenseMatrix intermediate,
        List<String> finalDemandCategories,
        DenseMatrix finalDemand,
        double[] imports,
        DenseMatrix importMatrix,
        DenseMatrix importsFinalUse,
        double[] valueAdded,
        double[] givenTotalOutput) {

    /** The final-demand category holding exports. */
    public static final String EXPORTS = "fd:exports";

    /** Relative tolerance of the row-balance check against a given total_output (0.1 %). */
    public static final double ROW_BALANCE_TOLERANCE = 1e-3;

    /**
     * A sector is inactive (zero output) when |x_i| ≤ this × (Σ_j |z_ij| + Σ_k |f_ik|), i.e. its
     * total output is zero up to cancellation in its own row.
     */
    public static final double ZERO_OUTPUT_TOLERANCE = 1e-12;

    public IoTable {
        Objects.requireNonNull(sectors, "sectors");
        Objects.requireNonNull(intermediate, "intermediate flows Z");
        Objects.requireNonNull(finalDemandCategories, "final-demand categories");
        Objects.requireNonNull(finalDemand, "final demand F");
        sectors = List.copyOf(sectors);
        int n = sectors.size();
        Set<String> seen = new HashSet<>();
        for (String s : sectors) {
            if (s.isBlank()) {
                throw new InvalidParameterException(Text.core("io.sector.empty"));
            }
            if (!seen.add(s)) {
                throw new InvalidParameterException(Text.core("io.sector.duplicate", s));
            }
        }
        if (names != null) {
            if (names.size() != n) {
                throw new IllegalArgumentException(names.size() + " sector names for " + n + " sectors");
            }
            names = Collections.unmodifiableList(new ArrayList<>(names));
        }
        requireShape(intermediate, n, n, "Z");
        finalDemandCategories = List.copyOf(finalDemandCategories);
        if (new HashSet<>(finalDemandCategories).size() != finalDemandCategories.size()) {
            throw new InvalidParameterException(Text.core("io.final.demand.duplicate", finalDemandCategories));
        }
        int k = finalDemandCategories.size();
        requireShape(finalDemand, n, k, "F");
        if (imports != null && importMatrix != null) {
            throw new InvalidParameterException(Text.core("io.imports.both"));
        }
        requireLength(imports, n, "imports");
        if (importMatrix != null) {
            requireShape(importMatrix, n, n, "import matrix");
        }
        if (importsFinalUse != null) {
            if (imports == null && importMatrix == null) {
                throw new InvalidParameterException(Text.core("io.imports.final.use"));
            }
            requireShape(importsFinalUse, imports != null ? 1 : n, k, "imports for final use");
        }
        requireLength(valueAdded, n, "value added");
        requireLength(givenTotalOutput, n, "total output");
    }

    /** A table with only Z and F; add the optional parts with the {@code with…} methods. */
    public static IoTable of(List<String> sectors, DenseMatrix intermediate, List<String> finalDemandCategories,
            DenseMatrix finalDemand) {
        return new IoTable(sectors, null, intermediate, finalDemandCategories, finalDemand, null, null, null, null, null);
    }

    public IoTable withNames(List<String> sectorNames) {
        return new IoTable(sectors, sectorNames, intermediate, finalDemandCategories, finalDemand, imports,
                importMatrix, importsFinalUse, valueAdded, givenTotalOutput);
    }

    /** With an {@code imports} row (n) and optionally its final-use cells (k values, or null). */
    public IoTable withImports(double[] importsRow, double[] finalUse) {
        return new IoTable(sectors, names, intermediate, finalDemandCategories, finalDemand, importsRow, null,
                finalUse == null ? null : DenseMatrix.wrap(1, finalUse.length, finalUse.clone()), valueAdded,
                givenTotalOutput);
    }

    /** With {@code import:S} rows (n×n) and optionally their final-use cells (n×k, or null). */
    public IoTable withImportMatrix(DenseMatrix matrix, DenseMatrix finalUse) {
        return new IoTable(sectors, names, intermediate, finalDemandCategories, finalDemand, null, matrix,
                finalUse, valueAdded, givenTotalOutput);
    }

    public IoTable withValueAdded(double[] va) {
        return new IoTable(sectors, names, intermediate, finalDemandCategories, finalDemand, imports,
                importMatrix, importsFinalUse, va, givenTotalOutput);
    }

    public IoTable withGivenTotalOutput(double[] totalOutput) {
        return new IoTable(sectors, names, intermediate, finalDemandCategories, finalDemand, imports,
                importMatrix, importsFinalUse, valueAdded, totalOutput);
    }

    /** Number of sectors n (active or not). */
    public int size() {
        return sectors.size();
    }

    /** Sector code → position, for the edges (parsing shock arguments, printing). */
    public Map<String, Integer> sectorIndex() {
        Map<String, Integer> m = new HashMap<>(sectors.size() * 2);
        for (int i = 0; i < sectors.size(); i++) {
            m.put(sectors.get(i), i);
        }
        return m;
    }

    /** Position of the exports category ({@link #EXPORTS}) or −1. */
    public int exportsCategory() {
        return finalDemandCategories.indexOf(EXPORTS);
    }

    /** Computed total output x_i = Σ_j z_ij + Σ_k f_ik (the given total_output is only checked). */
    public double[] totalOutput() {
        return IoMath.totalOutput(intermediate, finalDemand);
    }

    /** True when the table has an {@code imports} row or {@code import:} rows. */
    public boolean hasImports() {
        return imports != null || importMatrix != null;
    }

    /**
     * Imported intermediate inputs of each using sector j: the {@code imports} row, or the column sums
     * Σ_i M_ij of the import matrix; null when the table has no imports.
     */
    public double[] intermediateImports() {
        if (imports != null) {
            return imports.clone();
        }
        return importMatrix == null ? null : importMatrix.columnSums();
    }

    /**
     * Primary inputs p_j = imports_j + va_j (imports count as 0 when the table has none); null when
     * the table has no value-added row.
     */
    public double[] primaryInputs() {
        if (valueAdded == null) {
            return null;
        }
        double[] p = valueAdded.clone();
        double[] m = intermediateImports();
        if (m != null) {
            for (int j = 0; j < p.length; j++) {
                p[j] += m[j];
            }
        }
        return p;
    }

    /** Whether sector i is active: its total output is not zero (see {@link #ZERO_OUTPUT_TOLERANCE}). */
    public boolean[] activeMask() {
        double[] x = totalOutput();
        double[] gross = grossRowFlows();
        boolean[] active = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            active[i] = Math.abs(x[i]) > ZERO_OUTPUT_TOLERANCE * gross[i];
        }
        return active;
    }

    /** Positions of the active sectors, ascending. */
    public int[] activeSectors() {
        boolean[] mask = activeMask();
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] idx = new int[count];
        for (int i = 0, c = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[c++] = i;
            }
        }
        return idx;
    }

    /** Σ_j |z_ij| + Σ_k |f_ik| per row (the scale against which "zero output" is judged). */
    private double[] grossRowFlows() {
        int n = size();
        double[] g = new double[n];
        addAbsRowSums(intermediate, g);
        addAbsRowSums(finalDemand, g);
        return g;
    }

    private static void addAbsRowSums(DenseMatrix m, double[] into) {
        double[] d = m.data();
        int r = m.rows();
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0, off = j * r; i < r; i++) {
                into[i] += Math.abs(d[off + i]);
            }
        }
    }

    /**
     * Checks the numbers (formats.md §2): errors for non-finite values, negative intermediate flows or
     * imports, negative total output, and a given total_output that differs from the row sum by more
     * than 0.1 % (a warning instead when {@code allowImbalance}); warnings for negative value added,
     * inactive (zero-output) sectors, inactive sectors that still buy inputs, and a column-balance gap
     * (Σ_i z_ij + imports_j + va_j vs x_j) above 0.1 %. The largest column gap is always reported
     * when value added is given.
     */
    public IoValidation validate(boolean allowImbalance) {
        return IoValidation.of(this, allowImbalance);
    }

    private static void requireShape(DenseMatrix m, int rows, int cols, String name) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(name + " is " + m.rows() + "×" + m.cols() + ", expected " + rows + "×" + cols);
        }
    }

    private static void requireLength(double[] v, int n, String name) {
        if (v != null && v.length != n) {
            throw new IllegalArgumentException(name + " has " + v.length + " values, expected " + n);
        }
    }

    @Override
    public String toString() {
        return "IoTable[" + size() + " sectors, " + finalDemandCategories.size() + " final-demand categories"
                + (imports != null ? ", imports row" : importMatrix != null ? ", import matrix" : "")
                + (valueAdded != null ? ", value added" : "") + "]";
    }
}
