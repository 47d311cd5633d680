package org.klaster.dependency;

import org.klaster.Text;

/**
 * One trade record (formats.md §3, {@code trade.csv}): what {@code reporter} declares it imported
 * from or exported to {@code partner} of {@code product} in {@code year}. Codes are strings
 * (leading zeros kept). Values are validated by {@link DependencyScreen#screen}, which rejects a
 * negative or non-finite value naming the record.
 */
public record TradeFlow(int year, String reporter, String partner, String product, Flow flow, double value) {

    /** Direction of the flow as seen by the reporter. */
    public enum Flow { IMPORT, EXPORT }

    Text describe() {
        Text direction = Text.core(flow == null ? "dependency.flow.none"
                : flow == Flow.IMPORT ? "dependency.flow.import" : "dependency.flow.export");
        return Text.core("dependency.trade.describe", year, reporter, partner, product, direction, Text.plain(value));
    }
}
