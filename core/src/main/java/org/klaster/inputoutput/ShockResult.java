package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Result of a shock ({@link DemandShock}, {@link InputCutShock}, {@link Inoperability}): one
 * {@link Row} per table sector plus a {@code TOTAL} row, and warnings for the user (e.g. a shocked
 * sector that is inactive). Inactive sectors have baseline 0 and NaN changes (printed empty);
 * {@code output_change_pct} = 100·Δx/x.
 */
public record ShockResult(List<Row> rows, Row total, List<Text> warnings) {

    /** Label of the total row. */
    public static final String TOTAL = "TOTAL";


    public record Row(String sector, double baselineOutput, double outputChange, double outputChangePct) {
    }

    public ShockResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** The sector rows followed by the TOTAL row, ready to print. */
    public List<Row> rowsWithTotal() {
        List<Row> all = new ArrayList<>(rows.size() + 1);
        all.addAll(rows);
        all.add(total);
        return all;
    }

    /** Assembles the result from Δx of the active sectors. */
    static ShockResult of(ActiveTable t, double[] deltaActive, List<Text> warnings) {
        double[] x = t.x;
        double[] dx = t.expand(deltaActive);
        double[] base = t.expand(x);
        List<Row> rows = new ArrayList<>(dx.length);
        for (int i = 0; i < dx.length; i++) {
            boolean active = !Double.isNaN(base[i]);
            rows.add(new Row(t.table.sectors().get(i), active ? base[i] : 0.0, dx[i],
                    active ? 100.0 * dx[i] / base[i] : Double.NaN));
        }
        double totalBase = IoMath.sum(x);
        double totalChange = IoMath.sum(deltaActive);
        return new ShockResult(rows, new Row(TOTAL, totalBase, totalChange, 100.0 * totalChange / totalBase), warnings);
    }

    /**
     * Shock rates per active sector from a map sector code → r (unknown codes are an
     * IllegalArgumentException; shocks on inactive sectors are ignored with a warning).
     */
    static double[] rates(ActiveTable t, Map<String, Double> rates, List<Text> warnings) {
        Map<String, Integer> tableIndex = t.table.sectorIndex();
        int[] activeOf = new int[t.table.size()];
        java.util.Arrays.fill(activeOf, -1);
        for (int a = 0; a < t.index.length; a++) {
            activeOf[t.index[a]] = a;
        }
        double[] r = new double[t.size()];
        for (Map.Entry<String, Double> e : rates.entrySet()) {
            Integer i = tableIndex.get(e.getKey());
            if (i == null) {
                throw new InvalidParameterException(Text.core("io.shock.unknown.sector", e.getKey()));
            }
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v)) {
                throw new InvalidParameterException(Text.core("io.shock.rate.invalid", e.getKey()));
            }
            if (activeOf[i] < 0) {
                warnings.add(Text.core("io.shock.inactive", e.getKey()));
            } else {
                r[activeOf[i]] = v;
            }
        }
        return r;
    }
}
