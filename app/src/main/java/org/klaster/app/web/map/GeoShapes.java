package org.klaster.app.web.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klaster.data.formats.BoundariesReader.Boundary;

/**
 * Region boundaries projected once ({@link AlbersProjection#russia()}) and fitted into an SVG view box
 * {@value #WIDTH} units wide; each region becomes one SVG path string. Coordinates are written with one
 * decimal (a tenth of a screen pixel at full width) and a point equal to the previous one after
 * rounding is dropped — no other simplification. Built when boundaries are loaded, then shared.
 */
public final class GeoShapes {

    public static final double WIDTH = 1000;
    private static final double PAD = 8;

    private final Map<String, String> paths;
    private final Map<String, double[]> centroids;
    private final String viewBox;

    private GeoShapes(Map<String, String> paths, Map<String, double[]> centroids, String viewBox) {
        this.paths = paths;
        this.centroids = centroids;
        this.viewBox = viewBox;
    }

    public static GeoShapes project(List<Boundary> boundaries) {
        AlbersProjection proj = AlbersProjection.russia();
        double[] p = new double[2];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Boundary b : boundaries) {
            for (List<double[][]> poly : b.polygons()) {
                for (double[] q : poly.get(0)) { // outer rings bound the map
                    proj.project(q[0], q[1], p);
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        double scale = (WIDTH - 2 * PAD) / (maxX - minX);
        double height = (maxY - minY) * scale + 2 * PAD;
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, double[]> centroids = new LinkedHashMap<>();
        for (Boundary b : boundaries) {
            StringBuilder d = new StringBuilder(4096);
            double cx = 0, cy = 0, area = 0;
            for (List<double[][]> poly : b.polygons()) {
                for (int r = 0; r < poly.size(); r++) {
                    double[][] ring = poly.get(r);
                    long lastX = Long.MIN_VALUE, lastY = Long.MIN_VALUE;
                    int written = 0;
                    double px = 0, py = 0, fx = 0, fy = 0;
                    for (int k = 0; k < ring.length; k++) {
                        proj.project(ring[k][0], ring[k][1], p);
                        double x = (p[0] - minX) * scale + PAD;
                        double y = (maxY - p[1]) * scale + PAD;
                        if (r == 0) { // area-weighted centroid of outer rings (shoelace)
                            if (k > 0) {
                                double cross = px * y - x * py;
                                area += cross;
                                cx += (px + x) * cross;
                                cy += (py + y) * cross;
                            } else {
                                fx = x;
                                fy = y;
                            }
                            px = x;
                            py = y;
                        }
                        long ix = Math.round(x * 10);
                        long iy = Math.round(y * 10);
                        if (ix == lastX && iy == lastY) continue;
                        d.append(written == 0 ? 'M' : (written == 1 ? 'L' : ' '));
                        appendTenths(d, ix).append(' ');
                        appendTenths(d, iy);
                        lastX = ix;
                        lastY = iy;
                        written++;
                    }
                    if (r == 0 && ring.length > 0) {
                        double cross = px * fy - fx * py;
                        area += cross;
                        cx += (px + fx) * cross;
                        cy += (py + fy) * cross;
                    }
                    if (written > 0) d.append('Z');
                }
            }
            paths.put(b.iso(), d.toString());
            if (area != 0) centroids.put(b.iso(), new double[] {cx / (3 * area), cy / (3 * area)});
        }
        String viewBox = "0 0 " + (long) WIDTH + " " + String.format(Locale.ROOT, "%.0f", Math.ceil(height));
        return new GeoShapes(paths, centroids, viewBox);
    }

    private static StringBuilder appendTenths(StringBuilder sb, long tenths) {
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        if (tenths % 10 != 0) sb.append('.').append(tenths % 10);
        return sb;
    }

    /** The SVG path of a region, or {@code null} when the boundaries do not include it. */
    public String path(String iso) {
        return paths.get(iso);
    }

    public Map<String, String> paths() {
        return paths;
    }

    /** The projected centroid of a region's outer rings (view-box units), or {@code null}. */
    public double[] centroid(String iso) {
        return centroids.get(iso);
    }

    public String viewBox() {
        return viewBox;
    }

    public int size() {
        return paths.size();
    }
}
