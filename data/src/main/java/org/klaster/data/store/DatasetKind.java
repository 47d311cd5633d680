package org.klaster.data.store;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a dataset holds. The label is what the command line, the datasets list and the database show
 * ({@code klaster import KIND}); {@link #provides} says which analyses can read it, so a page asks for
 * "datasets that provide an input–output table" instead of listing kind names.
 */
public enum DatasetKind {
    /** Regional activity, formats.md §1. */
    ACTIVITY("activity", EnumSet.of(Content.ACTIVITY)),
    /** Firm-level establishments, aggregated to activity on read; the demo's keep coordinates. */
    FIRMS("firms", EnumSet.of(Content.ACTIVITY, Content.ESTABLISHMENTS)),
    /** An input–output table in the io.csv layout, formats.md §2. */
    IO("io", EnumSet.of(Content.IO_TABLE)),
    /** Rosstat's basic input–output tables workbook (symmetric product × product tables). */
    ROSSTAT_IO("rosstat-io", EnumSet.of(Content.IO_TABLE)),
    /** Trade flows with optional production and partner groups, formats.md §3. */
    TRADE("trade", EnumSet.of(Content.TRADE)),
    /** Exports by location × product, formats.md §4. */
    EXPORTS("exports", EnumSet.of(Content.EXPORTS));

    /** What an analysis reads. */
    public enum Content {
        /** region × industry × year activity (mapping, relatedness) */
        ACTIVITY,
        /** individual establishments with coordinates (candidate producers) */
        ESTABLISHMENTS,
        /** an input–output table (multipliers, shocks, extraction) */
        IO_TABLE,
        /** trade flows (dependency screen, coverage) */
        TRADE,
        /** exports by location × product (economic complexity) */
        EXPORTS
    }

    private final String label;
    private final Set<Content> provides;

    DatasetKind(String label, Set<Content> provides) {
        this.label = label;
        this.provides = provides;
    }

    /** The name on the command line and in the database: {@code rosstat-io}. */
    public String label() {
        return label;
    }

    public boolean provides(Content c) {
        return provides.contains(c);
    }

    /** The kind with this label. */
    public static Optional<DatasetKind> of(String label) {
        for (DatasetKind k : values()) if (k.label.equals(label)) return Optional.of(k);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
