package org.klaster.data.store;

import java.time.Instant;

/**
 * A stored dataset and its provenance: where it came from, a checksum of what was read, when, and —
 * for generated data — which generator version made it.
 *
 * @param units the unit of the dataset's money values as the importer stated it (e.g. {@code million RUB},
 *              {@code thousand USD}); null when not stated
 */
public record Dataset(String id, DatasetKind kind, String source, String sha256, long rows, Instant importedAt,
                      String generator, boolean synthetic, String note, String units) {

    /** A dataset about to be stored; {@code importedAt} is set by the store. */
    public static Dataset of(String id, DatasetKind kind, String source, String sha256, long rows,
                             String generator, boolean synthetic, String note, String units) {
        return new Dataset(id, kind, source, sha256, rows, null, generator, synthetic, note, units);
    }

    /** The same dataset with another id (an import under {@code --id}). */
    public Dataset withId(String newId) {
        return new Dataset(newId, kind, source, sha256, rows, importedAt, generator, synthetic, note, units);
    }

    /** One line a person can read: "demo (synthetic, generator demo-1), 45 123 rows, imported …". */
    public String provenance() {
        StringBuilder s = new StringBuilder(id).append(": ").append(kind.label()).append(" from ").append(source);
        if (synthetic) s.append(" — SYNTHETIC data");
        if (generator != null) s.append(", generator ").append(generator);
        s.append(", ").append(rows).append(" rows");
        if (units != null) s.append(", values in ").append(units);
        if (sha256 != null) s.append(", sha256 ").append(sha256, 0, Math.min(12, sha256.length()));
        if (importedAt != null) s.append(", imported ").append(importedAt);
        return s.toString();
    }
}
