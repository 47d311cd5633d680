package org.klaster.data.reference;

/**
 * An OKVED2 (= NACE Rev.2) group ({@code xx.x}). Only the groups the project uses are listed: the
 * splits of divisions 28 and 30 used by the demo economy and the groups named in the category map.
 *
 * @param code     e.g. {@code 30.3}
 * @param division the parent division, e.g. {@code 30}
 * @param nameRu   Russian name (project wording)
 * @param nameEn   English name (project wording)
 */
public record Group(String code, String division, String nameRu, String nameEn) {

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }
}
