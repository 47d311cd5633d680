package org.klaster.data.formats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klaster.Text;

/**
 * Which industries of regional activity make each sector of an input–output table
 * ({@code sector,industry}, one link a line; read by {@link SectorMapReader}).
 *
 * @param links    sector code → the industry codes linked to it, both as written (trimmed), in file order
 * @param warnings non-fatal remarks (ignored columns, …)
 * @param sha256   SHA-256 of the file's bytes, lower-case hex
 */
public record SectorMap(Map<String, List<String>> links, List<Text> warnings, String sha256) {
    public SectorMap {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        links.forEach((s, codes) -> copy.put(s, List.copyOf(codes)));
        links = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** The sectors the map links, in file order. */
    public List<String> sectors() {
        return new ArrayList<>(links.keySet());
    }
}
