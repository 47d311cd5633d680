package org.klaster.data.reference;

/**
 * An OKVED2 (= NACE Rev.2) division, the two-digit level (88 divisions, 01–99 with gaps).
 *
 * @param code    two digits with the leading zero kept, e.g. {@code 01}
 * @param section the section letter, e.g. {@code A}
 * @param nameRu  Russian name (project's concise wording, not the official title)
 * @param nameEn  English name (project's concise wording)
 */
public record Division(String code, String section, String nameRu, String nameEn) {

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }
}
