package org.klaster.app.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.klaster.data.reference.Okved2;

/**
 * The names of codes in one language, for the name columns of result tables and for pages: regions
 * (the project's region table), industries (OKVED2 = NACE Rev.2 divisions and groups), products
 * (an imported classification, else the demo's own short names), countries (the JDK's locale data).
 * A code without a known name is its own name.
 */
public final class Names {

    private final Lang lang;
    private final RegionCatalog regions;
    private final Function<String, String> products;
    private final Function<String, String> countries;

    /**
     * @param products  product code → name in {@code lang}, or null when unknown
     * @param countries ISO 3166-1 alpha-3 code → name in {@code lang}, or null when unknown
     */
    public Names(Lang lang, RegionCatalog regions, Function<String, String> products, Function<String, String> countries) {
        this.lang = Objects.requireNonNull(lang);
        this.regions = Objects.requireNonNull(regions);
        this.products = products == null ? c -> null : products;
        this.countries = countries == null ? c -> null : countries;
    }

    public Lang lang() {
        return lang;
    }

    public RegionCatalog regions() {
        return regions;
    }

    /** A region's name, or its code. */
    public String region(String iso) {
        return regions.name(iso, lang);
    }

    /** An OKVED2 industry's name (division, group …), or null when the code is not one. */
    public String industryOrNull(String code) {
        return code == null ? null : Okved2.name(code, lang.name()).orElse(null);
    }

    /** An industry's name, or its code. */
    public String industry(String code) {
        String n = industryOrNull(code);
        return n == null ? code : n;
    }

    /** "name (code)" for an OKVED2 industry, else the code. */
    public String industryLabel(String code) {
        String n = industryOrNull(code);
        return n == null ? code : n + " (" + code + ")";
    }

    /** A cluster category's name: a project category or OKVED2 code, else the dataset's own name, else the code. */
    public String category(String code, Map<String, String> ownNames) {
        String ref = Reference.categoryName(code, lang);
        if (ref != null) return ref;
        String own = ownNames == null ? null : ownNames.get(code);
        return own != null ? own : code;
    }

    /**
     * An input–output sector as shown: a table that names OKVED2 divisions by their Russian reference
     * names (the demo) shows the reference name in the page's language; other names (e.g. Rosstat's
     * product names) as the table gives them; no name → null.
     */
    public String sector(IoModel m, String code) {
        String own = m.name(code);
        String ref = Reference.divisionName(code, lang);
        if (ref != null && (own.equals(code) || own.equals(Reference.divisionName(code, Lang.ru)))) own = ref;
        return own.equals(code) ? null : own;
    }

    /** "name (code)" for a sector, else the code. */
    public String sectorLabel(IoModel m, String code) {
        String n = sector(m, code);
        return n == null ? code : n + " (" + code + ")";
    }

    /** A product's name, or null. */
    public String productOrNull(String code) {
        return code == null ? null : products.apply(code);
    }

    /** "code · name" for a product, else the code. */
    public String productLabel(String code) {
        String n = productOrNull(code);
        return n == null ? code : code + " · " + n;
    }

    /** A country's (or partner group's) name, or null. */
    public String countryOrNull(String code) {
        return code == null ? null : countries.apply(code);
    }

    /** A location of exports data: a country's name, else a region's, else null. */
    public String locationOrNull(String code) {
        String n = countryOrNull(code);
        if (n != null) return n;
        return regions.contains(code) ? regions.name(code, lang) : null;
    }

    /** A country's name, or its code. */
    public String country(String code) {
        String n = countryOrNull(code);
        return n == null ? code : n;
    }
}
