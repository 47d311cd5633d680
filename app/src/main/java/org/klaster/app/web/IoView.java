package org.klaster.app.web;

import java.util.List;
import java.util.Map;
import org.klaster.data.store.Dataset;
import org.klaster.inputoutput.DemandShock;
import org.klaster.inputoutput.GhoshModel;
import org.klaster.inputoutput.HypotheticalExtraction;
import org.klaster.inputoutput.Inoperability;
import org.klaster.inputoutput.InputCutShock;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.ShockResult;

/**
 * An input–output dataset ready for questions: the table and its two factorised models (the
 * expensive step, done once per dataset and kept by {@link Workbench#io}); the multiplier and
 * extraction tables are computed on first use. A shock is then one solve on a held factorisation.
 */
public final class IoView {

    /** The three shocks of {@code klaster io shock}, named after its flags. */
    public enum ShockType {
        demand("--demand"), input_cut("--input-cut"), perturb("--perturb");

        final String flag;

        ShockType(String flag) {
            this.flag = flag;
        }

        /** The web/API value: demand, input-cut, perturb (the CLI flag without dashes). */
        public String value() {
            return flag.substring(2);
        }

        static ShockType parse(String v) {
            if (v == null || v.isBlank()) return demand;
            for (ShockType t : values()) if (t.value().equals(v.trim())) return t;
            throw new BadRequest("type must be demand, input-cut or perturb (was \"" + Req.shorten(v) + "\")");
        }
    }

    private final Dataset meta;
    private final IoTable table;
    private final LeontiefModel leontief;
    private final GhoshModel ghosh;
    private volatile List<Multipliers.Row> multipliers;
    private volatile List<HypotheticalExtraction.Row> extraction;

    /** Builds both models (AnalysisException when the table is not productive). */
    IoView(Dataset meta, IoTable table) {
        this.meta = meta;
        this.table = table;
        this.leontief = LeontiefModel.of(table);
        this.ghosh = GhoshModel.of(leontief);
    }

    public Dataset meta() {
        return meta;
    }

    public IoTable table() {
        return table;
    }

    /** A sector's name from the table, else its code. */
    public String name(String code) {
        if (table.names() == null) return code;
        Integer i = table.sectorIndex().get(code);
        String n = i == null ? null : table.names().get(i);
        return n == null || n.isBlank() ? code : n;
    }

    public List<Multipliers.Row> multipliers() {
        List<Multipliers.Row> m = multipliers;
        if (m == null) multipliers = m = Multipliers.compute(leontief, ghosh);
        return m;
    }

    public List<HypotheticalExtraction.Row> extraction() {
        List<HypotheticalExtraction.Row> e = extraction;
        if (e == null) extraction = e = HypotheticalExtraction.compute(leontief, ghosh);
        return e;
    }

    /** One shock on the held models: demand → Leontief solve, input cut / perturbation → Ghosh solve. */
    public ShockResult shock(ShockType type, Map<String, Double> rates) {
        return switch (type) {
            case demand -> DemandShock.apply(leontief, rates);
            case input_cut -> InputCutShock.apply(ghosh, rates);
            case perturb -> Inoperability.apply(ghosh, rates);
        };
    }
}
