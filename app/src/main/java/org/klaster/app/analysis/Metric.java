package org.klaster.app.analysis;

import org.klaster.mapping.MappingRow;

/** What the overview map colours regions by. */
public enum Metric {
    /** Number of strong clusters in the region (all categories). */
    strong(false, 0),
    /** Cluster stars (0–3) of the chosen category. */
    stars(true, 0),
    /** Location quotient of the chosen category. */
    lq(true, 2),
    /** Employment: of the chosen category, or of all categories. */
    employment(false, 0),
    /** Share of the chosen category in the region's employment. */
    share(true, 1);

    private final boolean needsCategory;
    private final int digits;

    Metric(boolean needsCategory, int digits) {
        this.needsCategory = needsCategory;
        this.digits = digits;
    }

    public boolean needsCategory() {
        return needsCategory;
    }

    public int digits() {
        return digits;
    }

    public static Metric parse(String s) {
        if (s == null || s.isBlank()) return strong;
        try {
            return Metric.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            throw UserException.badParameter("metric", Messages.text("param.oneOf", Param.shorten(s), "strong, stars, lq, employment, share"));
        }
    }

    /** What the metric's values measure. */
    public Unit unit() {
        return switch (this) {
            case strong -> Unit.COUNT;
            case stars -> Unit.STARS;
            case lq -> Unit.RATIO;
            case employment -> Unit.PERSONS;
            case share -> Unit.SHARE;
        };
    }

    /** The value of a region; NaN when the region has no such cell (E_rc = 0 or no data). */
    public double value(MappingView view, String region, String category) {
        switch (this) {
            case strong:
                return view.region(region).isEmpty() ? Double.NaN : view.strongCount(region);
            case employment:
                if (category == null) return view.region(region).isEmpty() ? Double.NaN : view.regionEmployment(region);
                MappingRow e = view.cell(region, category);
                return e == null ? Double.NaN : e.employment();
            default:
                MappingRow r = view.cell(region, category);
                if (r == null) return this == stars && !view.region(region).isEmpty() ? 0 : Double.NaN;
                return switch (this) {
                    case stars -> r.stars();
                    case lq -> r.lq();
                    case share -> r.share();
                    default -> throw new IllegalStateException();
                };
        }
    }
}
