package org.klaster.data.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account of the platform (never its password hash: {@link PlatformStore#passwordHash}).
 *
 * @param organisationInn the organisation a participant acts for, null for every other role
 * @param clusters        the clusters a cluster manager manages (empty for every other role), sorted
 */
public record Account(String id, String login, String displayName, Role role, String organisationInn,
                      Set<String> clusters, boolean disabled, Instant createdAt) {

    public Account {
        clusters = clusters == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(clusters));
    }
}
