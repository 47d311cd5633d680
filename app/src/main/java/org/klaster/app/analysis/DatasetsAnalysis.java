package org.klaster.app.analysis;

import java.util.List;
import java.util.Map;
import org.klaster.data.store.Dataset;

/** {@code klaster datasets} / the Data page: one row per stored dataset with its provenance. */
public final class DatasetsAnalysis {

    public static final String ID = "datasets";

    private DatasetsAnalysis() {
    }

    public static Schema<Dataset> schema() {
        return Schema.<Dataset>builder(ID, "DatasetRow")
                .text("id", Dataset::id)
                .text("kind", d -> d.kind().label())
                .text("source", Dataset::source)
                .column(new Column<>("rows", ColumnType.INTEGER, Unit.COUNT, false, false, 0, Dataset::rows))
                .optionalText("sha256", Dataset::sha256)
                .optionalText("imported_at", d -> d.importedAt() == null ? null : d.importedAt().toString())
                .optionalText("generator", Dataset::generator)
                .flag("synthetic", Dataset::synthetic)
                .optionalText("units", Dataset::units)
                .build();
    }

    public static Table<Dataset> run(List<Dataset> datasets) {
        return run(datasets, List.of());
    }

    /** With notes for the reader (e.g. that the database does not exist yet). */
    public static Table<Dataset> run(List<Dataset> datasets, List<org.klaster.Text> notes) {
        return new Table<>(schema(), datasets, false, new Provenance(ID, List.of(), Map.of(), null), List.of(), notes);
    }
}
