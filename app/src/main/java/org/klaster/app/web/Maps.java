package org.klaster.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.RegionCatalog;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.web.map.ColorScale;
import org.klaster.app.web.map.GeoShapes;
import org.klaster.app.web.map.MapModel;

/**
 * The reusable map component: any per-region metric → a coloured tile-grid cartogram (from the region
 * table) or, when boundaries were imported, a geographic choropleth; each region a focusable link
 * with a tooltip, plus a legend. Sections call {@link #build} with their own values and links.
 */
public final class Maps {

    private Maps() {
    }

    /** Tile size and gap of the cartogram, in view-box units. */
    static final double TILE = 40;
    static final double GAP = 3;

    /**
     * @param values  value per region code (NaN or absent = no data)
     * @param scale   colour classes and legend
     * @param format  value → text with unit, for tooltips
     * @param href    region code → link (null for none)
     * @param selected a region to outline, or null
     */
    public static MapModel build(Workbench wb, Messages msg, String caption, java.util.Map<String, Double> values,
                                 ColorScale scale, Function<Double, String> format, Function<String, String> href,
                                 String selected) {
        // boundaries that miss some regions would drop them from the map: the tile grid is kept instead
        GeoShapes geo = wb.boundariesComplete() ? wb.shapes() : null;
        RegionCatalog cat = wb.regions();
        List<MapModel.Shape> shapes = new ArrayList<>();
        for (RegionInfo r : cat.all()) {
            Double v = values.get(r.iso());
            boolean none = v == null || v.isNaN();
            double value = none ? Double.NaN : v;
            String fill = scale.color(value);
            String valueText = none ? msg.get("map.noData") : format.apply(value);
            String name = r.name(msg.lang());
            String tooltip = name + " \u2014 " + valueText;
            String link = href == null ? null : href.apply(r.iso());
            if (geo != null) {
                String d = geo.path(r.iso());
                if (d == null) continue;
                shapes.add(new MapModel.Shape(r.iso(), r.shortCode(), tooltip, valueText, fill, ColorScale.textOn(fill),
                        link, d, 0, 0, 0, none, r.iso().equals(selected)));
            } else {
                shapes.add(new MapModel.Shape(r.iso(), r.shortCode(), tooltip, valueText, fill, ColorScale.textOn(fill),
                        link, null, r.gridCol() * (TILE + GAP), r.gridRow() * (TILE + GAP), TILE, none,
                        r.iso().equals(selected)));
            }
        }
        String viewBox = geo != null ? geo.viewBox()
                : "-2 -2 " + (long) (cat.gridCols() * (TILE + GAP) + 4) + " " + (long) (cat.gridRows() * (TILE + GAP) + 4);
        String note = geo != null ? msg.get("map.noteGeo") : wb.shapes() != null
                ? msg.format("map.notePartial", wb.boundaryRegions().size(), cat.all().size()) : msg.get("map.noteGrid");
        return new MapModel(geo != null, viewBox, caption, shapes, scale.items(), msg.get("map.noData"), note);
    }
}
