package org.klaster.registry;

import java.util.List;
import java.util.Objects;

/**
 * What an organisation needs or can do ({@code offers.csv}), for matching partners.
 *
 * @param codes OKPD2 / OKVED2 codes, possibly none
 */
public record Offer(String inn, Kind kind, String text, List<String> codes) {

    public enum Kind {
        NEED, COMPETENCE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind parse(String code) {
            for (Kind k : values()) if (k.code().equalsIgnoreCase(code)) return k;
            return null;
        }
    }

    public Offer {
        Objects.requireNonNull(inn, "inn");
        Objects.requireNonNull(kind, "kind");
        codes = List.copyOf(codes);
    }
}
