package org.klaster.app.analysis;

/**
 * What the workbench needs to know about a region to draw and name it: the project's region table
 * (federal subjects) seen from the web layer.
 *
 * @param iso      ISO 3166-2 code, e.g. {@code RU-SAM}; the key in every dataset
 * @param gridRow  row of the tile-grid cartogram (0 = north)
 * @param gridCol  column of the tile-grid cartogram (0 = west)
 */
public record RegionInfo(String iso, String nameRu, String nameEn, String districtRu, String districtEn,
                         double lat, double lon, long population, int gridRow, int gridCol) {

    public String name(Lang lang) {
        return lang == Lang.ru ? nameRu : nameEn;
    }

    public String district(Lang lang) {
        return lang == Lang.ru ? districtRu : districtEn;
    }

    /** A short label for a tile: the code without the country prefix. */
    public String shortCode() {
        return iso.startsWith("RU-") ? iso.substring(3) : iso;
    }
}
