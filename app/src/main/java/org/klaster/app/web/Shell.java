package org.klaster.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.data.store.Dataset;

/**
 * What every page's frame needs (template {@code layout.jte}): language and texts, the section
 * navigation, the dataset picker and provenance, and links that keep the chosen dataset.
 *
 * @param query the current request's query parameters (for the language switch and the picker)
 */
public record Shell(Messages msg, Section section, String title, List<Dataset> datasets, Dataset dataset,
                    String path, Map<String, String> query, String boundaries) {

    public Lang lang() {
        return msg.lang();
    }

    /** Shorthand for templates: the text of a message key. */
    public String t(String key) {
        return msg.get(key);
    }

    public String f(String key, Object... args) {
        return msg.format(key, args);
    }

    public List<Section> sections() {
        return Section.ALL;
    }

    public boolean synthetic() {
        return dataset != null && dataset.synthetic();
    }

    public String datasetId() {
        return dataset == null ? null : dataset.id();
    }

    /** A link within the workbench that keeps the current dataset; {@code kv} are extra name/value pairs (null values skipped). */
    public String url(String path, Object... kv) {
        Map<String, String> q = new LinkedHashMap<>();
        if (dataset != null) q.put("dataset", dataset.id());
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) q.put(kv[i].toString(), kv[i + 1].toString());
        }
        return build(path, q);
    }

    /**
     * A navigation link to a section: keeps the dataset only within the same section, since a dataset
     * of one kind (e.g. an input–output table) means nothing to another section.
     */
    public String navUrl(Section s) {
        return s.equals(section) ? url(s.path()) : s.path();
    }

    /** The current page in another language. */
    public String langUrl(Lang l) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("lang", l.name());
        return build(path, q);
    }

    /** The current page's query without the dataset (for the picker form's hidden fields). */
    public Map<String, String> keep() {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.remove("dataset");
        q.remove("lang");
        // a region or category page of one dataset may not exist in another: keep only view options
        q.keySet().retainAll(List.of("metric", "sort", "dir"));
        return q;
    }

    static String build(String path, Map<String, String> q) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            sb.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Provenance line of the current dataset in this language. */
    public String provenance() {
        if (dataset == null) return msg.get("dataset.none");
        return msg.format("dataset.provenance", dataset.id(), dataset.source(), msg.count(dataset.rows()),
                dataset.sha256() == null ? "—" : dataset.sha256().substring(0, Math.min(12, dataset.sha256().length())),
                dataset.importedAt() == null ? "—" : dataset.importedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                dataset.generator() == null ? "—" : dataset.generator());
    }
}
