package org.klaster.app.auth;

import java.util.EnumSet;
import java.util.Set;
import org.klaster.data.store.Role;

/**
 * What a role may do, in one place, for the command line and the web alike (docs/security.md, "Roles").
 * Rules that depend on what is touched — a cluster manager's own clusters, a participant's own
 * organisation — are {@link Access#ownCluster} and {@link Access#ownOrganisation}; the permissions here
 * are the parts that depend on the role alone.
 */
public enum Permission {
    /** Upload datasets, boundaries and classifications (they change what every analysis shows). */
    UPLOAD_DATASETS(Role.ADMINISTRATOR, Role.MINISTRY_ANALYST),
    /** Add, disable and enable accounts; the "analyses readable without signing in" switch. */
    MANAGE_ACCOUNTS(Role.ADMINISTRATOR),
    /** Save a new version of the compliance rules. */
    EDIT_RULES(Role.ADMINISTRATOR),
    /** Create a cluster (its creator becomes one of its managers). */
    CREATE_CLUSTER(Role.ADMINISTRATOR, Role.CLUSTER_MANAGER),
    /** Read every cluster of the registry, not only one's own. */
    READ_EVERY_CLUSTER(Role.ADMINISTRATOR, Role.MINISTRY_ANALYST, Role.VIEWER),
    /** Change any cluster or organisation, not only one's own. */
    EDIT_EVERY_CLUSTER(Role.ADMINISTRATOR),
    /** Read the audit trail of anything (a cluster manager reads that of its clusters). */
    READ_EVERY_AUDIT(Role.ADMINISTRATOR);

    private final Set<Role> roles;

    Permission(Role first, Role... more) {
        this.roles = Set.copyOf(EnumSet.of(first, more));
    }

    /** The roles holding this permission. */
    public Set<Role> roles() {
        return roles;
    }
}
