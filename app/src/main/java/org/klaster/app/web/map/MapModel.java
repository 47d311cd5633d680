package org.klaster.app.web.map;

import java.util.List;

/**
 * A map ready to draw (templates {@code map.jte}): shapes with colour, tooltip text and link, and a
 * legend. Either a tile-grid cartogram (tiles at x, y with size w) or a geographic choropleth (paths).
 *
 * @param geographic true for boundary paths, false for tiles
 * @param caption    what the colours mean, with the unit (also the SVG title for screen readers)
 */
public record MapModel(boolean geographic, String viewBox, String caption, List<Shape> shapes,
                       List<ColorScale.Item> legend, String noDataLabel, String note) {

    /**
     * One region on the map.
     *
     * @param tooltip full text for the native tooltip and screen readers: name — value unit
     * @param d       SVG path (geographic) or null (tile)
     */
    public record Shape(String iso, String label, String tooltip, String valueText, String fill, String textColor,
                        String href, String d, double x, double y, double size, boolean noData, boolean selected) {
    }
}
