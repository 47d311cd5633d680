package org.klaster.app.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.data.store.Dataset;

/**
 * Where a result came from: the analysis ({@code method}, a schema id such as {@code io.multipliers}
 * whose description is the message {@code method.ID}), its inputs (stored datasets or files, with
 * checksums) and the parameters it ran with. Every output format carries it: the CLI on stderr,
 * pages in the footer, the API in the envelope, XLSX on a provenance sheet.
 *
 * @param moneyUnit the unit of the table's {@link Unit#MONEY} columns as the input states it, or null
 */
public record Provenance(String method, List<Input> inputs, Map<String, Object> parameters, String moneyUnit) {

    public Provenance {
        inputs = List.copyOf(inputs);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * One input: a stored dataset ({@code dataset} non-null) or a file read for this run.
     *
     * @param role what the analysis used it for ({@code activity}, {@code trade}, {@code firms} …)
     */
    public record Input(String role, String id, String source, String sha256, boolean synthetic, Dataset dataset) {

        public static Input of(String role, Dataset d) {
            return new Input(role, d.id(), d.source(), d.sha256(), d.synthetic(), d);
        }

        public static Input file(String role, String fileName, String sha256) {
            return new Input(role, null, fileName, sha256, false, null);
        }

        /** "demo-io" or "io.csv (sha256 1a2b3c4d5e6f)". */
        public String label() {
            if (id != null) return id;
            return sha256 == null ? source : source + " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + ")";
        }
    }

    /** Whether any input is synthetic demo data. */
    public boolean synthetic() {
        return inputs.stream().anyMatch(Input::synthetic);
    }

    /** The first stored dataset among the inputs, or null. */
    public Dataset primary() {
        return inputs.stream().map(Input::dataset).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
