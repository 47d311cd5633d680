package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.data.store.Dataset;
import org.klaster.inputoutput.DemandShock;
import org.klaster.inputoutput.GhoshModel;
import org.klaster.inputoutput.HypotheticalExtraction;
import org.klaster.inputoutput.Inoperability;
import org.klaster.inputoutput.InputCutShock;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.ShockResult;

/**
 * An input–output table ready for questions: the table, where it came from, what its validation said,
 * and its factorised models — the Leontief model (one LU of I − A) built with the model, the Ghosh
 * model only when a question needs it (a demand shock on a 9 800-sector table needs one LU, not two).
 * The web keeps one per dataset, so a shock is one solve on a held factorisation; the multiplier and
 * extraction tables are computed on first use.
 */
public final class IoModel {

    /** The three shocks of {@code klaster io shock}, named as the API and the pages name them. */
    public enum ShockType {
        demand("--demand"), input_cut("--input-cut"), perturb("--perturb");

        private final String flag;

        ShockType(String flag) {
            this.flag = flag;
        }

        /** The web/API value: demand, input-cut, perturb (the CLI flag without dashes). */
        public String value() {
            return flag.substring(2);
        }

        public String flag() {
            return flag;
        }

        /** From the web/API value; null or blank is demand. */
        public static ShockType parse(String param, String v) {
            if (v == null || v.isBlank()) return demand;
            for (ShockType t : values()) if (t.value().equals(v.trim())) return t;
            throw UserException.badParameter(param, Messages.text("param.oneOf", Param.shorten(v), "demand, input-cut, perturb"));
        }
    }

    private final Provenance.Input input;
    private final IoTable table;
    private final List<Text> warnings;
    private final List<Text> notes;
    private final LeontiefModel leontief;
    private volatile GhoshModel ghosh;
    private volatile List<Multipliers.Row> multipliers;
    private volatile List<HypotheticalExtraction.Row> extraction;

    /** Builds the Leontief model (AnalysisException when the table is not productive). */
    public IoModel(Provenance.Input input, IoTable table, IoValidation validation, List<?> readerWarnings) {
        this(input, table, validation, readerWarnings, false);
    }

    /**
     * A model for one demand shock, with half the memory: I − A is factorised in the table's own flows
     * ({@link LeontiefModel#consuming}), so afterwards only Leontief solves are possible — no Ghosh model,
     * no multiplier or extraction table. The command line's {@code io shock --demand} on a table it read
     * for this run only.
     */
    public static IoModel forOneDemandShock(Provenance.Input input, IoTable table, IoValidation validation,
                                            List<?> readerWarnings) {
        return new IoModel(input, table, validation, readerWarnings, true);
    }

    private final boolean consumed;

    private IoModel(Provenance.Input input, IoTable table, IoValidation validation, List<?> readerWarnings,
                    boolean consume) {
        this.consumed = consume;
        this.input = input;
        this.table = table;
        List<Text> w = new ArrayList<>(Texts.of(readerWarnings));
        List<Text> n = new ArrayList<>();
        if (validation != null) {
            if (input.dataset() != null) w.addAll(Texts.of(validation.warnings()));
            if (!Double.isNaN(validation.largestColumnGap())) {
                n.add(Messages.text("io.note.columnGap", 100 * validation.largestColumnGap(), validation.largestColumnGapSector()));
            }
        }
        this.warnings = List.copyOf(w);
        this.notes = List.copyOf(n);
        // the validation and the reader's warnings are taken before the flows may be overwritten
        this.leontief = consume ? LeontiefModel.consuming(table) : LeontiefModel.of(table);
    }

    public Provenance.Input input() {
        return input;
    }

    /** The stored dataset, or null for a file. */
    public Dataset meta() {
        return input.dataset();
    }

    public IoTable table() {
        return table;
    }

    /** What the reader and the validation found (warnings) … */
    public List<Text> warnings() {
        return warnings;
    }

    /** … and what the reader should know (the largest column-balance gap). */
    public List<Text> notes() {
        return notes;
    }

    /** The unit of the table's values as its dataset states it, or null. */
    public String units() {
        return input.dataset() == null ? null : input.dataset().units();
    }

    /** A sector's name from the table, else its code. */
    public String name(String code) {
        if (table.names() == null) return code;
        Integer i = table.sectorIndex().get(code);
        String n = i == null ? null : table.names().get(i);
        return n == null || n.isBlank() ? code : n;
    }

    public LeontiefModel leontief() {
        return leontief;
    }

    /** The Ghosh model on the Leontief model's factorisation, built on first use. */
    public GhoshModel ghosh() {
        if (consumed) throw new IllegalStateException("this model answers one demand shock only");
        GhoshModel g = ghosh;
        if (g == null) {
            synchronized (this) {
                if (ghosh == null) ghosh = GhoshModel.of(leontief);
                g = ghosh;
            }
        }
        return g;
    }

    public List<Multipliers.Row> multipliers() {
        List<Multipliers.Row> m = multipliers;
        if (m == null) multipliers = m = Multipliers.compute(leontief); // one LU: G·1 = D⁻¹·L·x
        return m;
    }

    public List<HypotheticalExtraction.Row> extraction() {
        List<HypotheticalExtraction.Row> e = extraction;
        if (e == null) extraction = e = HypotheticalExtraction.compute(leontief, ghosh());
        return e;
    }

    /** One shock on the held models: demand → Leontief solve, input cut / perturbation → Ghosh solve. */
    public ShockResult shock(ShockType type, Map<String, Double> rates) {
        return switch (type) {
            case demand -> DemandShock.apply(leontief, rates);
            case input_cut -> InputCutShock.apply(ghosh(), rates);
            case perturb -> Inoperability.apply(ghosh(), rates);
        };
    }
}
