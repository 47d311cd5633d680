package org.klaster.registry;

import java.util.Objects;

/**
 * An organisation's figures of one year ({@code facts.csv}), thousand RUB; NaN when not given.
 *
 * @param output    sales of its own products
 * @param purchases inputs bought
 */
public record AnnualFacts(String inn, int year, double output, double purchases) {

    public AnnualFacts {
        Objects.requireNonNull(inn, "inn");
    }
}
