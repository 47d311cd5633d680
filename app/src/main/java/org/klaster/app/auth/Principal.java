package org.klaster.app.auth;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.Role;

/**
 * Who is asking: a signed-in account (its role, and for a cluster manager the clusters it manages, for a
 * participant its organisation), or {@link #ANONYMOUS}. Built fresh from the store on every request, so a
 * changed role or a disabled account takes effect at once.
 *
 * @param accountId       the account's id, null when anonymous
 * @param role            null when anonymous
 * @param organisationInn the participant's organisation, else null
 * @param clusters        the clusters a cluster manager manages, else empty
 */
public record Principal(String accountId, String login, String displayName, Role role, String organisationInn,
                        Set<String> clusters) {

    /** Nobody signed in. */
    public static final Principal ANONYMOUS = new Principal(null, null, null, null, null, Set.of());

    public Principal {
        clusters = clusters == null ? Set.of() : Set.copyOf(clusters);
    }

    /** The signed-in account (the caller has checked it is enabled). */
    public static Principal of(Account a) {
        Objects.requireNonNull(a);
        return new Principal(a.id(), a.login(), a.displayName(), a.role(), a.organisationInn(), a.clusters());
    }

    public boolean signedIn() {
        return role != null;
    }

    /** Whether the principal holds one of these roles (never when anonymous). */
    public boolean hasRole(Role... roles) {
        return role != null && Arrays.asList(roles).contains(role);
    }

    /** Whether the principal's role grants the permission. */
    public boolean may(Permission p) {
        return role != null && p.roles().contains(role);
    }

    /** Whether this is a cluster manager of {@code clusterId}. */
    public boolean manages(String clusterId) {
        return role == Role.CLUSTER_MANAGER && clusterId != null && clusters.contains(clusterId);
    }

    /** Whether this is the participant acting for the organisation {@code inn}. */
    public boolean represents(String inn) {
        return role == Role.PARTICIPANT && inn != null && inn.equals(organisationInn);
    }

    /** The actor the audit trail records for a change this principal makes. */
    public Actor actor() {
        if (!signedIn()) throw new IllegalStateException("an anonymous request changes nothing");
        return new Actor(accountId, login);
    }
}
