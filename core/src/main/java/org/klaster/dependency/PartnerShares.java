package org.klaster.dependency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Partner concentration of one product's imports (the chart behind the import HHI of
 * {@link DependencyScreen}): for reporter R, product p and year t,
 * <pre>
 *   share_k = m_k / Σ_j m_j      (m_k = R's imports of p from partner k in t, partners outside G only)
 * </pre>
 * so Σ_k share_k = 1 and Σ_k share_k² is the import HHI of the screen's row.
 */
public final class PartnerShares {

    private PartnerShares() {
    }

    /** One partner: imports from it and its share of the product's imports (NaN when imports total 0). */
    public record Share(String partner, double imports, double share) {
    }

    /**
     * Import shares by partner, largest first (ties by partner code), partners in {@code excluded}
     * left out; repeated records of a partner are added. Empty when R has no import records of p in t.
     */
    public static List<Share> of(List<TradeFlow> trade, String reporter, String product, int year, Set<String> excluded) {
        Objects.requireNonNull(trade, "trade");
        Set<String> out = excluded == null ? Set.of() : excluded;
        Map<String, Double> byPartner = new TreeMap<>();
        double total = 0;
        for (TradeFlow f : trade) {
            if (f.flow() != TradeFlow.Flow.IMPORT || f.year() != year || !reporter.equals(f.reporter())
                    || !product.equals(f.product()) || out.contains(f.partner())) {
                continue;
            }
            if (!Double.isFinite(f.value()) || f.value() < 0) {
                throw new InvalidParameterException(Text.core("dependency.import.invalid", Text.plain(f.value()), f.partner()));
            }
            byPartner.merge(f.partner(), f.value(), Double::sum);
            total += f.value();
        }
        List<Share> shares = new ArrayList<>(byPartner.size());
        for (Map.Entry<String, Double> e : byPartner.entrySet()) {
            shares.add(new Share(e.getKey(), e.getValue(), total > 0 ? e.getValue() / total : Double.NaN));
        }
        shares.sort(Comparator.comparingDouble((Share s) -> -s.imports()).thenComparing(Share::partner));
        return shares;
    }
}
