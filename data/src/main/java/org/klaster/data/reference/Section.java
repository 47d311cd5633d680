package org.klaster.data.reference;

/**
 * An OKVED2 (= NACE Rev.2) section, A–U.
 *
 * @param code   the section letter
 * @param nameRu Russian name (project wording)
 * @param nameEn English name (project wording)
 */
public record Section(String code, String nameRu, String nameEn) {

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }
}
