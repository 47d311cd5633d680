package org.klaster.app.analysis;

import java.util.List;
import java.util.Map;
import org.klaster.inputoutput.Multipliers;

/**
 * {@code klaster io multipliers} / Sovereignty → Multipliers: output multipliers, backward (Rasmussen)
 * and forward (Ghosh) linkages, key sectors, import content and value-added multipliers, one row per
 * sector (docs/methods-io.md).
 */
public final class MultipliersAnalysis {

    public static final String ID = "io.multipliers";

    private MultipliersAnalysis() {
    }

    public static Schema<Multipliers.Row> schema(IoModel m, Names names) {
        return Schema.<Multipliers.Row>builder(ID, "MultipliersRow")
                .text("sector", Multipliers.Row::sector)
                .name("sector_name", r -> m == null ? null : names.sector(m, r.sector()))
                .number("output", Unit.MONEY, Multipliers.Row::output)
                .optionalNumber("output_multiplier", Unit.RATIO, Multipliers.Row::outputMultiplier)
                .optionalNumber("backward_linkage", Unit.RATIO, Multipliers.Row::backwardLinkage)
                .optionalNumber("forward_linkage", Unit.RATIO, Multipliers.Row::forwardLinkage)
                .optionalFlag("key_sector", Multipliers.Row::keySector)
                .optionalNumber("import_content", Unit.SHARE, Multipliers.Row::importContent)
                .optionalNumber("value_added_multiplier", Unit.RATIO, Multipliers.Row::valueAddedMultiplier)
                .build();
    }

    public static Table<Multipliers.Row> run(IoModel m, Names names, boolean withNames) {
        return new Table<>(schema(m, names), m.multipliers(), withNames,
                new Provenance(ID, List.of(m.input()), Map.of(), m.units()), m.warnings(), m.notes());
    }
}
