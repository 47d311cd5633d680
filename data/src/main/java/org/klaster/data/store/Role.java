package org.klaster.data.store;

import java.util.Locale;
import java.util.Optional;

/** What an account may do on the platform; stored and shown by its {@link #label()}. */
public enum Role {
    ADMINISTRATOR, MINISTRY_ANALYST, CLUSTER_MANAGER, PARTICIPANT, VIEWER;

    /** {@code administrator}, {@code ministry_analyst}, {@code cluster_manager}, {@code participant}, {@code viewer}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this label (case and surrounding blanks ignored, {@code -} read as {@code _}), or empty. */
    public static Optional<Role> of(String label) {
        if (label == null) return Optional.empty();
        String s = label.strip().replace('-', '_');
        for (Role r : values()) if (r.label().equalsIgnoreCase(s)) return Optional.of(r);
        return Optional.empty();
    }
}
