package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;

/**
 * Outcome of {@link IoTable#validate(boolean)}: user-facing sentences (errors make the table
 * unusable; warnings do not), the largest relative column-balance gap (NaN without a value-added
 * row) with its sector, and the inactive (zero-output) sectors, which every analysis leaves out and
 * prints with empty values.
 */
public record IoValidation(
        List<Text> errors,
        List<Text> warnings,
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
        List<Text> errors = new ArrayList<>();
        List<Text> warnings = new ArrayList<>();
        List<String> s = t.sectors();
        int n = t.size();

        Counter nonFinite = new Counter(errors);
        checkFinite(t.intermediate(), s, s, "io.name.intermediate", nonFinite);
        checkFinite(t.finalDemand(), s, t.finalDemandCategories(), "io.name.final.demand", nonFinite);
        if (t.importMatrix() != null) {
            checkFinite(t.importMatrix(), prefixed(s), s, "io.name.import", nonFinite);
        }
        checkFinite(t.imports(), s, "imports", nonFinite);

        checkFinite(t.valueAdded(), s, "value_added", nonFinite);
        nonFinite.close("io.more.nonfinite");
        if (!errors.isEmpty()) {
            return new IoValidation(errors, warnings, Double.NaN, null, List.of());
        }

        Counter negative = new Counter(errors);
        checkNonnegative(t.intermediate(), s, s, "io.negative.intermediate", negative);
        if (t.importMatrix() != null) {
            checkNonnegative(t.importMatrix(), prefixed(s), s, "io.negative.imported", negative);
        }
        if (t.imports() != null) {
            for (int j = 0; j < n; j++) {
                if (t.imports()[j] < 0) {
                    negative.add(Text.core("io.negative.imports", s.get(j), t.imports()[j]));
                }
            }
        }
        negative.close("io.more.negative");

        if (t.valueAdded() != null) {
            Counter negVa = new Counter(warnings);
            for (int j = 0; j < n; j++) {
                if (t.valueAdded()[j] < 0) {
                    negVa.add(Text.core("io.negative.value.added", s.get(j), t.valueAdded()[j]));
                }
            }
            negVa.close("io.more.value.added");
        }

        double[] x = t.totalOutput();
        boolean[] active = t.activeMask();
        List<String> inactive = new ArrayList<>();
        Counter negOut = new Counter(errors);
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                inactive.add(s.get(i));
            } else if (x[i] < 0) {
                negOut.add(Text.core("io.negative.output", s.get(i), x[i]));
            }
        }
        negOut.close("io.more.output");

        if (t.givenTotalOutput() != null) {
            Counter imbalance = new Counter(allowImbalance ? warnings : errors);
            for (int i = 0; i < n; i++) {
                double given = t.givenTotalOutput()[i];
                if (Double.isNaN(given)) {
                    continue;
                }
                double scale = Math.max(Math.abs(given), Math.abs(x[i]));
                if (Math.abs(given - x[i]) > IoTable.ROW_BALANCE_TOLERANCE * scale) {
                    imbalance.add(Text.core("io.row.balance", s.get(i), given, x[i],
                            Text.fixed(100 * Math.abs(given - x[i]) / scale, 2)));
                }
            }
            imbalance.close("io.more.imbalance");
        }

        if (!inactive.isEmpty()) {
            warnings.add(Text.core("io.inactive.sectors", inactive));
            double[] inputs = t.intermediate().columnSums();
            double[] m = t.intermediateImports();
            for (int j = 0; j < n; j++) {
                if (!active[j] && (inputs[j] != 0 || (m != null && m[j] != 0))) {
                    warnings.add(Text.core("io.inactive.buys", s.get(j)));
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
                warnings.add(Text.core("io.column.balance", Text.fixed(100 * gap, 2), gapSector));
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

    private static void checkFinite(DenseMatrix m, List<String> rows, List<String> cols, String whatKey, Counter c) {
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (!Double.isFinite(v)) {
                    c.add(Text.core("io.nonfinite.cell", Text.core(whatKey), rows.get(i), cols.get(j), Text.plain(v)));
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
                c.add(Text.core("io.nonfinite.sector", row, cols.get(j), Text.plain(v[j])));
            }
        }
    }

    private static void checkNonnegative(DenseMatrix m, List<String> rows, List<String> cols, String whatKey, Counter c) {
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (v < 0) {
                    c.add(Text.core("io.negative.cell", Text.core(whatKey), rows.get(i), cols.get(j), v));
                }
            }
        }
    }

    /** Collects up to MAX_LISTED messages into a list and summarises the rest. */
    private static final class Counter {
        private final List<Text> into;
        private int count;

        Counter(List<Text> into) {
            this.into = into;
        }

        void add(Text message) {
            if (count++ < MAX_LISTED) {
                into.add(message);
            }
        }

        void close(String whatKey) {
            if (count > MAX_LISTED) {
                into.add(Text.core("io.more", count - MAX_LISTED, Text.core(whatKey)));
            }
        }
    }
}
