package org.klaster.app.analysis;

import java.util.List;
import java.util.Map;
import org.klaster.inputoutput.HypotheticalExtraction;

/**
 * {@code klaster io extract} / Sovereignty → Extraction: the total output lost when a sector stops
 * buying (backward) or selling (forward) intermediate inputs (Dietzenbacher et al. 1993), one row per
 * sector (docs/methods-io.md).
 */
public final class ExtractionAnalysis {

    public static final String ID = "io.extract";

    private ExtractionAnalysis() {
    }

    public static Schema<HypotheticalExtraction.Row> schema(IoModel m, Names names) {
        return Schema.<HypotheticalExtraction.Row>builder(ID, "ExtractionRow")
                .text("sector", HypotheticalExtraction.Row::sector)
                .name("sector_name", r -> m == null ? null : names.sector(m, r.sector()))
                .optionalNumber("backward_extraction_loss", Unit.MONEY, 1, HypotheticalExtraction.Row::backwardExtractionLoss)
                .optionalNumber("backward_extraction_loss_pct", Unit.PERCENT, HypotheticalExtraction.Row::backwardExtractionLossPct)
                .optionalNumber("forward_extraction_loss", Unit.MONEY, 1, HypotheticalExtraction.Row::forwardExtractionLoss)
                .optionalNumber("forward_extraction_loss_pct", Unit.PERCENT, HypotheticalExtraction.Row::forwardExtractionLossPct)
                .build();
    }

    public static Table<HypotheticalExtraction.Row> run(IoModel m, Names names, boolean withNames) {
        return new Table<>(schema(m, names), m.extraction(), withNames,
                new Provenance(ID, List.of(m.input()), Map.of(), m.units()), m.warnings(), m.notes());
    }
}
