package org.klaster.data.reference;

/**
 * A federal subject of Russia as listed in ISO 3166-2:RU (83 subjects; see {@link Regions}).
 * Coordinates, population and area are rounded approximations for display and for the synthetic
 * demo economy, not statistics.
 *
 * @param iso             ISO 3166-2 code, e.g. {@code RU-SAM}
 * @param nameRu          Russian name
 * @param nameEn          English name
 * @param federalDistrict code of the federal district, e.g. {@code VFD} (see {@link FederalDistrict})
 * @param capitalRu       administrative centre, Russian name
 * @param capitalEn       administrative centre, English name
 * @param capitalLat      latitude of the administrative centre, degrees, ~0.01° precision
 * @param capitalLon      longitude of the administrative centre, degrees east
 * @param population      resident population, thousands, rounded (early 2020s)
 * @param areaThousandKm2 land area, thousand km², rounded
 * @param gridRow         row in the tile-grid cartogram (0 = north)
 * @param gridCol         column in the tile-grid cartogram (0 = west)
 */
public record Region(String iso, String nameRu, String nameEn, String federalDistrict,
                     String capitalRu, String capitalEn, double capitalLat, double capitalLon,
                     int population, double areaThousandKm2, int gridRow, int gridCol) {

    /** The code without the country prefix, e.g. {@code SAM} for {@code RU-SAM}. */
    public String shortCode() {
        int dash = iso.indexOf('-');
        return dash < 0 ? iso : iso.substring(dash + 1);
    }

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }

    /** The capital's name in {@code lang} ("ru" or anything else for English). */
    public String capital(String lang) {
        return "ru".equalsIgnoreCase(lang) ? capitalRu : capitalEn;
    }
}
