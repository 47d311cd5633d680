package org.klaster.dependency;

/**
 * One trade record (formats.md §3, {@code trade.csv}): what {@code reporter} declares it imported
 * from or exported to {@code partner} of {@code product} in {@code year}. Codes are strings
 * (leading zeros kept). Values are validated by {@link DependencyScreen#screen}, which rejects a
 * negative or non-finite value naming the record.
 */
public record TradeFlow(int year, String reporter, String partner, String product, Flow flow, double value) {

    /** Direction of the flow as seen by the reporter. */
    public enum Flow { IMPORT, EXPORT }

    String describe() {
        return "(year " + year + ", reporter " + reporter + ", partner " + partner + ", product "
                + product + ", " + (flow == null ? "no flow" : flow.name().toLowerCase()) + ", value " + value + ")";
    }
}
