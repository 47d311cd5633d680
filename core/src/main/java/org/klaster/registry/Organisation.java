package org.klaster.registry;

import java.util.Objects;

/**
 * One organisation of the registry ({@code organisations.csv}). Optional numbers are NaN when not given.
 *
 * @param inn              taxpayer number, 10 (legal entity) or 12 (individual) digits, kept as text
 * @param ogrn             state registration number, 13 (OGRN) or 15 (OGRNIP) digits, kept as text
 * @param okved            main activity, an OKVED2 code
 * @param region           ISO 3166-2:RU code
 * @param employees        persons employed, or NaN
 * @param revenue          thousand RUB, or NaN
 * @param finalProducer    makes final products (counts for the functional-dependence rule)
 * @param specialTerritory works in a region with an individual development programme, a geostrategic
 *                         territory or a single-industry town (the 30 % condition of that rule)
 */
public record Organisation(String inn, String ogrn, String name, OrganisationType type, String okved, String region,
                           double lat, double lon, double employees, double revenue, boolean finalProducer,
                           boolean specialTerritory) {

    public Organisation {
        Objects.requireNonNull(inn, "inn");
        Objects.requireNonNull(type, "type");
    }

    /** An organisation with only the fields the compliance check reads (tests, generators). */
    public static Organisation of(String inn, OrganisationType type, boolean finalProducer, boolean specialTerritory) {
        return new Organisation(inn, "", inn, type, "", "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                finalProducer, specialTerritory);
    }
}
