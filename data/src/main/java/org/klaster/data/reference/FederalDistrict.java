package org.klaster.data.reference;

/**
 * A federal district of Russia.
 *
 * @param code   short Latin code used in {@code regions.csv}: CFD, NWFD, SFD, NCFD, VFD, UFD, SibFD, FEFD
 * @param nameRu Russian name
 * @param nameEn English name
 */
public record FederalDistrict(String code, String nameRu, String nameEn) {

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }
}
