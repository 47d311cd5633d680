package org.klaster.data.demo;

/**
 * Receives the synthetic firm-level rows of {@link DemoEconomy#firms(int, long, FirmSink)}, one call per
 * establishment, in the shape of formats.md §1 {@code firms.csv}:
 * {@code firm_id,region,industry,year,employment,lat,lon}. The region and industry strings are shared
 * instances (no allocation per row), so a sink may compare them by identity if it wants speed.
 */
@FunctionalInterface
public interface FirmSink {

    /**
     * @param firmId     1-based sequence number, unique within one generated set
     * @param region     ISO 3166-2 code, e.g. {@code RU-SAM}
     * @param industry   OKVED2 code as in {@link DemoEconomy#industries()}
     * @param year       the year asked for
     * @param employment persons employed, at least 1
     * @param lat        latitude, degrees
     * @param lon        longitude, degrees in [-180, 180)
     */
    void accept(long firmId, String region, String industry, int year, int employment, double lat, double lon);
}
