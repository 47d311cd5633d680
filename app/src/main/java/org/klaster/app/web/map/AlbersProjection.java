package org.klaster.app.web.map;

/**
 * Albers equal-area conic projection (Snyder 1987, <i>Map Projections — A Working Manual</i>, §14),
 * spherical form, with parameters suited to Russia: standard parallels 52° N and 64° N, central
 * meridian 100° E. Longitudes are taken relative to the central meridian and wrapped into
 * −180°…180°, so Chukotka's polygons east of the antimeridian (−180°…−169°) land next to the rest
 * of the region instead of on the far side of the map.
 */
public final class AlbersProjection {

    private final double lambda0;
    private final double n;
    private final double c;
    private final double rho0;

    public AlbersProjection(double lat1, double lat2, double lon0, double lat0) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        this.lambda0 = lon0;
        this.n = (Math.sin(p1) + Math.sin(p2)) / 2;
        this.c = Math.cos(p1) * Math.cos(p1) + 2 * n * Math.sin(p1);
        this.rho0 = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(lat0))) / n;
    }

    /** The projection for maps of Russia. */
    public static AlbersProjection russia() {
        return new AlbersProjection(52, 64, 100, 60);
    }

    /** Projects lon/lat in degrees to plane coordinates (unit sphere; y grows northwards) into {@code out}. */
    public void project(double lon, double lat, double[] out) {
        double dl = lon - lambda0;
        while (dl < -180) dl += 360;
        while (dl > 180) dl -= 360;
        double rho = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(lat))) / n;
        double theta = n * Math.toRadians(dl);
        out[0] = rho * Math.sin(theta);
        out[1] = rho0 - rho * Math.cos(theta);
    }
}
