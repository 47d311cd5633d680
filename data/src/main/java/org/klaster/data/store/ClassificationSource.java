package org.klaster.data.store;

import java.time.Instant;

/**
 * A stored classification system (formats.md §6) and its provenance.
 *
 * @param system     the system's name, lower case ({@code hs}, {@code okpd2}, …)
 * @param source     the file name as given
 * @param sha256     SHA-256 of the file's bytes
 * @param rows       number of codes stored
 * @param importedAt when it was stored
 * @param layout     {@code code,name} or {@code UN Comtrade}
 * @param format     what the reader detected (encoding, separator or sheet)
 */
public record ClassificationSource(String system, String source, String sha256, long rows, Instant importedAt,
                                   String layout, String format) {

    /** One line a person can read: "hs: 6939 codes from harmonized-system.csv (UN Comtrade), sha256 …, imported …". */
    public String provenance() {
        return system + ": " + rows + " codes from " + source + " (" + layout + "), sha256 "
                + sha256.substring(0, Math.min(12, sha256.length())) + ", imported " + importedAt;
    }
}
