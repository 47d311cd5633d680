package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.klaster.linalg.DenseMatrix;

/**
 * Outcome of {@link IoTable#validate(boolean)}: user-facing sentences (errors make the table
 * unusable; warnings do not), the largest relative column-balance gap (NaN without a value-added
 * row) with its sector, and the inactive (zero-output) sectors, which every analysis leaves out and
 * prints with empty values.
 */
public record IoValidation(
        List<String> errors,
        List<String> warnings,
        double largestColumnGap,
        String largestColumnGapSector,
        List<String> inactiveSectors) {

    /** At most this many messages of one kind are listed; the rest are counted. */
    static final int MAX_LISTED = 10;

    public IoValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        inactiveSectors = List.copyOf(inactiveSectors);
    }

    /** True when there is no error. */
    public boolean ok() {
        return errors.isEmpty();
    }

    static IoValidation of(IoTable t, boolean allowImbalance) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> s = t.sectors();
        int n = t.size();

        Counter nonFinite = new Counter(errors);
        checkFinite(t.intermediate(), s, s, "intermediate flow", nonFinite);
        checkFinite(t.finalDemand(), s, t.finalDemandCategories(), "final demand", nonFinite);
        if (t.importMatrix() != null) {
            checkFinite(t.importMatrix(), prefixed(s), s, "import", nonFinite);
        }
        checkFinite(t.imports(), s, "imports", nonFinite);

        checkFinite(t.valueAdded(), s, "value_added", nonFinite);
        nonFinite.close("non-finite values");
        if (!errors.isEmpty()) {
            return new IoValidation(errors, warnings, Double.NaN, null, List.of());
        }

        Counter negative = new Counter(errors);
        checkNonnegative(t.intermediate(), s, s, "negative intermediate flow", negative);
        if (t.importMatrix() != null) {
            checkNonnegative(t.importMatrix(), prefixed(s), s, "negative imported input", negative);
        }
        if (t.imports() != null) {
            for (int j = 0; j < n; j++) {
                if (t.imports()[j] < 0) {
                    negative.add("negative imported inputs of sector " + s.get(j) + ": " + num(t.imports()[j]));
                }
            }
        }
        negative.close("negative flows");

        if (t.valueAdded() != null) {
            Counter negVa = new Counter(warnings);
            for (int j = 0; j < n; j++) {
                if (t.valueAdded()[j] < 0) {
                    negVa.add("negative value added of sector " + s.get(j) + ": " + num(t.valueAdded()[j]));
                }
            }
            negVa.close("negative value added");
        }

        double[] x = t.totalOutput();
        boolean[] active = t.activeMask();
        List<String> inactive = new ArrayList<>();
        Counter negOut = new Counter(errors);
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                inactive.add(s.get(i));
            } else if (x[i] < 0) {
                negOut.add("total output of sector " + s.get(i) + " is negative (" + num(x[i]) + ")");
            }
        }
        negOut.close("negative total output");

        if (t.givenTotalOutput() != null) {
            Counter imbalance = new Counter(allowImbalance ? warnings : errors);
            for (int i = 0; i < n; i++) {
                double given = t.givenTotalOutput()[i];
                if (Double.isNaN(given)) {
                    continue;
                }
                double scale = Math.max(Math.abs(given), Math.abs(x[i]));
                if (Math.abs(given - x[i]) > IoTable.ROW_BALANCE_TOLERANCE * scale) {
                    imbalance.add(String.format(Locale.ROOT,
                            "row balance: total_output of sector %s is %s but its row sums to %s (%.2f %% apart)",
                            s.get(i), num(given), num(x[i]), 100 * Math.abs(given - x[i]) / scale));
                }
            }
            imbalance.close("row imbalances");
        }

        if (!inactive.isEmpty()) {
            warnings.add("inactive sectors (zero total output) left out of the analysis: " + String.join(", ", inactive));
            double[] inputs = t.intermediate().columnSums();
            double[] m = t.intermediateImports();
            for (int j = 0; j < n; j++) {
                if (!active[j] && (inputs[j] != 0 || (m != null && m[j] != 0))) {
                    warnings.add("inactive sector " + s.get(j) + " buys intermediate inputs although its output is zero;"
                            + " those flows are ignored");
                }
            }
        }

        double gap = Double.NaN;
        String gapSector = null;
        if (t.valueAdded() != null) {
            double[] inputs = t.intermediate().columnSums();
            double[] m = t.intermediateImports();
            gap = 0.0;
            for (int j = 0; j < n; j++) {
                if (!active[j]) {
                    continue;
                }
                double total = inputs[j] + (m == null ? 0.0 : m[j]) + t.valueAdded()[j];
                double g = Math.abs(total - x[j]) / Math.abs(x[j]);
                if (g > gap || gapSector == null) {
                    gap = g;
                    gapSector = s.get(j);
                }
            }
            if (gap > IoTable.ROW_BALANCE_TOLERANCE) {
                warnings.add(String.format(Locale.ROOT,
                        "column balance: inputs + imports + value added differ from total output by up to %.2f %% (sector %s)",
                        100 * gap, gapSector));
            }
        }
        return new IoValidation(errors, warnings, gap, gapSector, inactive);
    }

    private static List<String> prefixed(List<String> sectors) {
        List<String> r = new ArrayList<>(sectors.size());
        for (String s : sectors) {
            r.add("import:" + s);
        }
        return r;
    }

    private static void checkFinite(DenseMatrix m, List<String> rows, List<String> cols, String what, Counter c) {
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (!Double.isFinite(v)) {
                    c.add(what + " in row " + rows.get(i) + ", column " + cols.get(j) + " is " + v);
                }
            }
        }
    }

    private static void checkFinite(double[] v, List<String> cols, String row, Counter c) {
        if (v == null) {
            return;
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                c.add(row + " of sector " + cols.get(j) + " is " + v[j]);
            }
        }
    }

    private static void checkNonnegative(DenseMatrix m, List<String> rows, List<String> cols, String what, Counter c) {
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (v < 0) {
                    c.add(what + " in row " + rows.get(i) + ", column " + cols.get(j) + ": " + num(v));
                }
            }
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Collects up to MAX_LISTED messages into a list and summarises the rest. */
    private static final class Counter {
        private final List<String> into;
        private int count;

        Counter(List<String> into) {
            this.into = into;
        }

        void add(String message) {
            if (count++ < MAX_LISTED) {
                into.add(message);
            }
        }

        void close(String what) {
            if (count > MAX_LISTED) {
                into.add("… and " + (count - MAX_LISTED) + " more " + what);
            }
        }
    }
}
