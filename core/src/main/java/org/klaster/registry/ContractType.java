package org.klaster.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of cooperation contract Decree 779 counts: supply of cluster products, production works or
 * services, an import-substitution project, a special investment contract (SPIC).
 */
public enum ContractType {
    SUPPLY, WORKS, IMPORT_SUBSTITUTION, SPIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type written as {@code code} (case ignored), or null. */
    public static ContractType parse(String code) {
        for (ContractType t : values()) if (t.code().equalsIgnoreCase(code)) return t;
        return null;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ContractType::code).toList();
    }
}
