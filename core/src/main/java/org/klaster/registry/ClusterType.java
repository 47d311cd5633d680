package org.klaster.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kind of a cluster: industrial (Decree 779), innovative territorial, or another kind. */
public enum ClusterType {
    INDUSTRIAL, INNOVATIVE_TERRITORIAL, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type written as {@code code} (case ignored), or null. */
    public static ClusterType parse(String code) {
        for (ClusterType t : values()) if (t.code().equalsIgnoreCase(code)) return t;
        return null;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ClusterType::code).toList();
    }
}
