package org.klaster.data.demo;

/**
 * Receives the synthetic firm-level rows of {@link DemoEconomy#firms(int, long, NamedFirmSink)} with
 * each establishment's invented company name: formats.md §1 {@code firms.csv} with the optional
 * {@code name} column. Otherwise as {@link FirmSink}.
 */
@FunctionalInterface
public interface NamedFirmSink {

    /**
     * @param firmId     1-based sequence number, unique within one generated set
     * @param name       the invented company name, in Russian (e.g. {@code ООО "Жигулёвский станкозавод"})
     * @param region     ISO 3166-2 code, e.g. {@code RU-SAM}
     * @param industry   OKVED2 code as in {@link DemoEconomy#industries()}
     * @param year       the year asked for
     * @param employment persons employed, at least 1
     * @param lat        latitude, degrees
     * @param lon        longitude, degrees in [-180, 180)
     */
    void accept(long firmId, String name, String region, String industry, int year, int employment, double lat,
                double lon);
}
