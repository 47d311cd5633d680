package org.klaster.data.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 83 federal subjects of Russia in ISO 3166-2:RU (the set without Crimea, Sevastopol and the
 * oblasts annexed in 2022), read from {@code regions.csv}, and the eight federal districts from
 * {@code federal_districts.csv}. Both tables were written for this project; values such as coordinates
 * and populations are rounded approximations.
 *
 * <p>The table also carries a tile-grid cartogram layout ({@link Region#gridRow()},
 * {@link Region#gridCol()}): one unique cell per region, west to east and north to south, with
 * neighbouring regions mostly in touching cells.
 */
public final class Regions {

    /** Classpath location of the regions table (UTF-8 CSV). */
    public static final String RESOURCE = "/org/klaster/data/reference/regions.csv";
    /** Classpath location of the federal-district table (UTF-8 CSV). */
    public static final String DISTRICTS_RESOURCE = "/org/klaster/data/reference/federal_districts.csv";

    private static final List<String> COLUMNS = List.of("iso", "name_ru", "name_en", "federal_district",
            "capital_ru", "capital_en", "capital_lat", "capital_lon", "population", "area_thousand_km2",
            "grid_row", "grid_col");

    private static final class Holder {
        static final List<FederalDistrict> DISTRICTS = ReferenceCsv.read(DISTRICTS_RESOURCE,
                List.of("code", "name_ru", "name_en"),
                row -> new FederalDistrict(row.text("code"), row.text("name_ru"), row.text("name_en")));
        static final List<Region> ALL;
        static final Map<String, Region> BY_CODE;
        static final Map<String, FederalDistrict> DISTRICT_BY_CODE;
        static final int ROWS;
        static final int COLS;

        static {
            Map<String, FederalDistrict> districts = new LinkedHashMap<>();
            for (FederalDistrict d : DISTRICTS) {
                if (districts.put(d.code().toUpperCase(Locale.ROOT), d) != null) {
                    throw new IllegalStateException(DISTRICTS_RESOURCE + ": duplicate code " + d.code());
                }
            }
            DISTRICT_BY_CODE = districts;
            ALL = ReferenceCsv.read(RESOURCE, COLUMNS, Regions::parse);
            Map<String, Region> byCode = new HashMap<>();
            Set<Long> cells = new HashSet<>();
            int rows = 0;
            int cols = 0;
            for (Region r : ALL) {
                if (!districts.containsKey(r.federalDistrict().toUpperCase(Locale.ROOT))) {
                    throw new IllegalStateException(RESOURCE + ": " + r.iso() + " has unknown federal district "
                            + r.federalDistrict());
                }
                if (byCode.put(r.iso().toUpperCase(Locale.ROOT), r) != null
                        || byCode.put(r.shortCode().toUpperCase(Locale.ROOT), r) != null) {
                    throw new IllegalStateException(RESOURCE + ": duplicate code " + r.iso());
                }
                if (!cells.add(((long) r.gridRow() << 32) | r.gridCol())) {
                    throw new IllegalStateException(RESOURCE + ": " + r.iso() + " shares grid cell ("
                            + r.gridRow() + "," + r.gridCol() + ") with another region");
                }
                rows = Math.max(rows, r.gridRow() + 1);
                cols = Math.max(cols, r.gridCol() + 1);
            }
            BY_CODE = byCode;
            ROWS = rows;
            COLS = cols;
        }
    }

    private Regions() {
    }

    private static Region parse(ReferenceCsv.Row row) {
        String iso = row.text("iso");
        if (!iso.matches("RU-[A-Z]{2,3}")) {
            throw row.fail("iso", "is not an ISO 3166-2:RU code: '" + iso + "'");
        }
        double lat = row.number("capital_lat");
        double lon = row.number("capital_lon");
        if (lat < 40 || lat > 72) {
            throw row.fail("capital_lat", "is outside Russia: " + lat);
        }
        if (lon < 19 || lon > 180) {
            throw row.fail("capital_lon", "is outside Russia: " + lon);
        }
        int population = row.integer("population");
        double area = row.number("area_thousand_km2");
        int gridRow = row.integer("grid_row");
        int gridCol = row.integer("grid_col");
        if (population <= 0) {
            throw row.fail("population", "must be positive");
        }
        if (area <= 0) {
            throw row.fail("area_thousand_km2", "must be positive");
        }
        if (gridRow < 0 || gridCol < 0) {
            throw row.fail("grid_row", "grid cell must be non-negative");
        }
        return new Region(iso, row.text("name_ru"), row.text("name_en"), row.text("federal_district"),
                row.text("capital_ru"), row.text("capital_en"), lat, lon, population, area, gridRow, gridCol);
    }

    /** All 83 regions in table order. */
    public static List<Region> all() {
        return Holder.ALL;
    }

    /** The region with this ISO 3166-2 code (e.g. {@code RU-SAM}), case-insensitive. */
    public static Optional<Region> byIso(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        String key = iso.strip().toUpperCase(Locale.ROOT);
        return key.startsWith("RU-") ? Optional.ofNullable(Holder.BY_CODE.get(key)) : Optional.empty();
    }

    /**
     * The region for a code given either in full ({@code RU-SAM}) or without the country prefix
     * ({@code SAM}); case-insensitive, surrounding spaces ignored.
     */
    public static Optional<Region> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Holder.BY_CODE.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** Like {@link #byCode(String)} but fails with a clear message for an unknown code. */
    public static Region require(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown region code: " + code));
    }

    /** The eight federal districts in table order. */
    public static List<FederalDistrict> federalDistricts() {
        return Holder.DISTRICTS;
    }

    /** The federal district with this code (case-insensitive). */
    public static Optional<FederalDistrict> federalDistrict(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(Holder.DISTRICT_BY_CODE.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The regions of one federal district, in table order. */
    public static List<Region> inDistrict(String districtCode) {
        List<Region> out = new ArrayList<>();
        for (Region r : Holder.ALL) {
            if (r.federalDistrict().equalsIgnoreCase(districtCode)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** Number of rows of the tile grid (max grid_row + 1). */
    public static int gridRows() {
        return Holder.ROWS;
    }

    /** Number of columns of the tile grid (max grid_col + 1). */
    public static int gridCols() {
        return Holder.COLS;
    }
}
