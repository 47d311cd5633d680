package org.klaster.data.formats;

import java.util.List;
import java.util.Objects;

/**
 * A product (or industry) classification read from a file (formats.md §6): codes with their names,
 * and what a store needs for provenance.
 *
 * @param entries    one per code, in file order
 * @param layout     which layout the file has
 * @param warnings   non-fatal remarks for the user (ignored columns, …), each a sentence naming the file
 * @param sha256     SHA-256 of the file's bytes, lower-case hex
 * @param sourceName the file name as given (without directories)
 * @param format     what was detected, e.g. {@code CSV, UTF-8, separator ",", decimal point}
 */
public record Classification(List<Entry> entries, Layout layout, List<org.klaster.Text> warnings, String sha256,
                             String sourceName, String format) {

    /** The layouts {@link ClassificationReader} recognises by their header. */
    public enum Layout {
        /** {@code code,name[,name_ru][,name_en][,parent][,level]} */
        CANONICAL("code,name"),
        /** UN Comtrade's classification list {@code section,hscode,description,parent,level} (English names) */
        COMTRADE("UN Comtrade");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        /** A short label for provenance: {@code code,name} or {@code UN Comtrade}. */
        public String label() {
            return label;
        }
    }

    /**
     * One code.
     *
     * @param code   the code as written, trimmed (leading zeros kept)
     * @param name   its name as the file gives it (never empty)
     * @param nameRu the Russian name, or null
     * @param nameEn the English name, or null
     * @param parent the code of the parent level, or null (top level or not given)
     * @param level  the level in the hierarchy as the file gives it (e.g. 2, 4, 6 digits in the HS), or 0 when not given
     */
    public record Entry(String code, String name, String nameRu, String nameEn, String parent, int level) {
        public Entry {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }

        /** The name in {@code lang}: {@code ru} → the Russian name, {@code en} → the English one, else (or when absent) {@link #name}. */
        public String name(String lang) {
            String n = "ru".equalsIgnoreCase(lang) ? nameRu : "en".equalsIgnoreCase(lang) ? nameEn : null;
            return n != null ? n : name;
        }
    }

    public Classification {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
    }
}
