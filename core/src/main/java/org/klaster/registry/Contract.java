package org.klaster.registry;

import java.util.Objects;

/**
 * A cooperation contract of a cluster ({@code contracts.csv}): the supplier sells to the buyer.
 *
 * @param value thousand RUB
 */
public record Contract(String cluster, String supplier, String buyer, ContractType type, int year, double value) {

    public Contract {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(type, "type");
    }
}
