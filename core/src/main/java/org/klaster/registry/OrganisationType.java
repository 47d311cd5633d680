package org.klaster.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What an organisation of the registry is (formats.md §6, {@code organisations.csv} column {@code type}). */
public enum OrganisationType {
    ENTERPRISE, RESEARCH, UNIVERSITY, COLLEGE, INFRASTRUCTURE, FINANCE, SPECIALISED_ORGANISATION;

    /** The file's spelling: {@code enterprise}, {@code specialised_organisation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type written as {@code code} (case ignored), or null when there is none. */
    public static OrganisationType parse(String code) {
        for (OrganisationType t : values()) if (t.code().equalsIgnoreCase(code)) return t;
        return null;
    }

    /** Every code, for a message that lists them. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(OrganisationType::code).toList();
    }
}
