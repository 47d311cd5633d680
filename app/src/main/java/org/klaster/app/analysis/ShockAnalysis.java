package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.inputoutput.ShockResult;

/**
 * {@code klaster io shock} / Sovereignty → Shock: the output response to a demand shock (Leontief),
 * a cut of imported inputs (Ghosh) or an inoperability perturbation (Haimes–Jiang IIM), one row per
 * sector plus a {@code TOTAL} row (docs/methods-io.md).
 */
public final class ShockAnalysis {

    public static final String ID = "io.shock";

    private ShockAnalysis() {
    }

    /** A shock: its type and sector → rate (parsed by {@link Param#pairs}). */
    public record Scenario(IoModel.ShockType type, Map<String, Double> rates) {
        public Scenario {
            rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        }

        /** The CLI's flags: {@code --demand S1=-0.2,S2=0.1}. */
        public String flags() {
            StringBuilder b = new StringBuilder(type.flag()).append(' ');
            int i = 0;
            for (Map.Entry<String, Double> e : rates.entrySet()) {
                b.append(i++ == 0 ? "" : ",").append(e.getKey()).append('=').append(TableWriter.exact(e.getValue()));
            }
            return b.toString();
        }
    }

    public static Schema<ShockResult.Row> schema(IoModel m, Names names) {
        return Schema.<ShockResult.Row>builder(ID, "ShockRow")
                .text("sector", ShockResult.Row::sector)
                .name("sector_name", r -> m == null || ShockResult.TOTAL.equals(r.sector()) ? null : names.sector(m, r.sector()))
                .number("baseline_output", Unit.MONEY, ShockResult.Row::baselineOutput)
                .optionalNumber("output_change", Unit.MONEY, 1, ShockResult.Row::outputChange)
                .optionalNumber("output_change_pct", Unit.PERCENT, ShockResult.Row::outputChangePct)
                .build();
    }

    /** The engine's result, remembered per model and scenario where results are kept. */
    public static ShockResult compute(IoModel m, Scenario s, DataAccess access) {
        return access.memo(List.of(ID, m.input(), s), () -> m.shock(s.type(), s.rates()));
    }

    /** The table: sector rows and TOTAL. */
    public static Table<ShockResult.Row> table(IoModel m, Scenario s, ShockResult r, Names names, boolean withNames) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", s.type().value());
        params.put("rates", s.rates());
        List<Text> warnings = new ArrayList<>(m.warnings());
        warnings.addAll(Texts.of(r.warnings()));
        return new Table<>(schema(m, names), r.rowsWithTotal(), withNames,
                new Provenance(ID, List.of(m.input()), params, m.units()), warnings, m.notes());
    }

    public static Table<ShockResult.Row> run(IoModel m, Scenario s, DataAccess access, Names names, boolean withNames) {
        return table(m, s, compute(m, s, access), names, withNames);
    }
}
