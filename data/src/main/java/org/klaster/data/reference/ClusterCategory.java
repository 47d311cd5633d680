package org.klaster.data.reference;

/**
 * A cluster category of the demo (see docs/categories.md).
 *
 * @param id     stable identifier used as the {@code category} code, e.g. {@code aerospace}
 * @param nameRu Russian name
 * @param nameEn English name
 * @param traded true for traded categories (selling mainly outside their region, in the sense of the
 *               U.S. Cluster Mapping traded/local split), false for local ones
 */
public record ClusterCategory(String id, String nameRu, String nameEn, boolean traded) {

    /** The name in {@code lang} ("ru" or anything else for English). */
    public String name(String lang) {
        return "ru".equalsIgnoreCase(lang) ? nameRu : nameEn;
    }
}
