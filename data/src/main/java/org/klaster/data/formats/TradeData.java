package org.klaster.data.formats;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;

/**
 * Trade of formats.md §3 as read or generated: the flows, the optional domestic production and the
 * optional partner groups ({@code group → members}, in file order).
 *
 * @param sha256 digest of the source bytes (all files read, in the order trade, production, groups),
 *               or of the canonical rows for generated data; may be null
 */
public record TradeData(List<TradeFlow> flows, List<Production> production, Map<String, List<String>> groups,
                        String sha256) {

    public TradeData {
        Objects.requireNonNull(flows, "flows");
        flows = List.copyOf(flows);
        production = production == null ? List.of() : List.copyOf(production);
        groups = groups == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    }
}
