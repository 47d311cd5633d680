package org.klaster.app.analysis;

/**
 * What a number measures, so that every place that shows it says so: a page's column header and
 * tooltip, the XLSX column sheet, the API's OpenAPI description. {@link #MONEY} is the unit the dataset
 * itself states (an IO table in million RUB, trade in thousand USD), resolved per table.
 */
public enum Unit {
    /** codes, names, labels */
    NONE(0),
    /** people employed */
    PERSONS(0),
    /** a count of things: establishments, products, regions */
    COUNT(0),
    /** money, in the unit the dataset states ({@link Table#moneyUnit()}) */
    MONEY(0),
    /** a fraction in [0, 1] (shown as %) */
    SHARE(1),
    /** a percentage, already multiplied by 100 */
    PERCENT(2),
    /** a dimensionless ratio: LQ, multipliers, linkages, RCA */
    RATIO(3),
    /** a standardised index: mean 0, standard deviation 1 (ECI, PCI) */
    INDEX(3),
    /** a concentration index in [0, 1] (HHI) */
    HHI(3),
    /** a calendar year */
    YEAR(0),
    /** a rank, 1 = best */
    RANK(0),
    /** cluster stars 0–3 */
    STARS(0),
    /** yes / no */
    FLAG(0),
    /** degrees of latitude or longitude */
    DEGREES(4);

    private final int digits;

    Unit(int digits) {
        this.digits = digits;
    }

    /** Decimals shown on pages by default (CSV and JSON are always exact). */
    public int digits() {
        return digits;
    }

    /** The message key of the unit's short label ({@code unit.persons}). */
    public String key() {
        return "unit." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
