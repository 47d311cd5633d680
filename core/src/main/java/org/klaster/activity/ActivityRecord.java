package org.klaster.activity;

/**
 * One row of regional activity (formats.md §1): a region × industry × year cell.
 * Optional quantities are {@link Double#NaN} when missing — never zero, since zero is a real value.
 *
 * @param region         region code as given (e.g. {@code RU-SAM}); a string, leading zeros kept
 * @param industry       OKVED2 / NACE Rev.2 code at any level (e.g. {@code 29}, {@code 29.10.1})
 * @param year           calendar year
 * @param employment     persons employed, ≥ 0
 * @param establishments number of establishments, ≥ 0, or NaN
 * @param wages          wage bill, ≥ 0, or NaN
 * @param output         output, or NaN
 */
public record ActivityRecord(String region, String industry, int year, double employment,
                             double establishments, double wages, double output) {

    public static ActivityRecord of(String region, String industry, int year, double employment) {
        return new ActivityRecord(region, industry, year, employment, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean hasEstablishments() {
        return !Double.isNaN(establishments);
    }
}
