package org.klaster.dependency;

/**
 * Domestic output of a product (formats.md §3, optional {@code production.csv}), in the same
 * currency as the trade values. Validated by {@link DependencyScreen#screen}.
 */
public record Production(int year, String reporter, String product, double value) {

    String describe() {
        return "(year " + year + ", reporter " + reporter + ", product " + product + ", value " + value + ")";
    }
}
