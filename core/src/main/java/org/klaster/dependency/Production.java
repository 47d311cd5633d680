package org.klaster.dependency;

import org.klaster.Text;

/**
 * Domestic output of a product (formats.md §3, optional {@code production.csv}), in the same
 * currency as the trade values. Validated by {@link DependencyScreen#screen}.
 */
public record Production(int year, String reporter, String product, double value) {

    Text describe() {
        return Text.core("dependency.production.describe", year, reporter, product, Text.plain(value));
    }
}
