package org.klaster.app.web;

import java.util.Set;
import org.klaster.data.store.Account;
import org.klaster.data.store.Role;
import org.klaster.registry.Membership;
import org.klaster.registry.Registry;

/**
 * Who may do what in the Registry section (docs/web.md, "Registry"); {@code null} is an anonymous visitor,
 * refused everywhere, and a disabled account counts as anonymous.
 * <ul>
 *   <li>read (list, cluster profile, compliance report): any signed-in role. The administrator, the ministry
 *       analyst and the viewer see every cluster; a cluster manager the clusters they manage; a participant
 *       the clusters its organisation is (or was) a member of.</li>
 *   <li>create a cluster: administrator, cluster manager (who then manages it).</li>
 *   <li>edit a cluster (participants, contracts, facts, imports): administrator, or a manager of that cluster.</li>
 *   <li>edit an organisation's profile and facts: administrator, or the participant of that organisation.</li>
 *   <li>read a cluster's audit trail: administrator, or a manager of that cluster.</li>
 * </ul>
 */
final class RegistryAccess {

    private RegistryAccess() {
    }

    static boolean signedIn(Account a) {
        return a != null && !a.disabled();
    }

    private static boolean is(Account a, Role r) {
        return signedIn(a) && a.role() == r;
    }

    /** Sees every cluster of the registry. */
    static boolean seesAll(Account a) {
        return is(a, Role.ADMINISTRATOR) || is(a, Role.MINISTRY_ANALYST) || is(a, Role.VIEWER);
    }

    static boolean manages(Account a, String cluster) {
        return is(a, Role.CLUSTER_MANAGER) && a.clusters().contains(cluster);
    }

    /** Whether the account may read this cluster's profile and report. */
    static boolean canRead(Account a, Registry r, String cluster) {
        if (seesAll(a) || manages(a, cluster)) return true;
        if (is(a, Role.PARTICIPANT) && a.organisationInn() != null) {
            for (Membership m : r.memberships()) {
                if (m.cluster().equals(cluster) && m.inn().equals(a.organisationInn())) return true;
            }
        }
        return false;
    }

    static boolean canCreate(Account a) {
        return is(a, Role.ADMINISTRATOR) || is(a, Role.CLUSTER_MANAGER);
    }

    static boolean canEdit(Account a, String cluster) {
        return is(a, Role.ADMINISTRATOR) || manages(a, cluster);
    }

    static boolean canAudit(Account a, String cluster) {
        return canEdit(a, cluster);
    }

    /** Whether the account may read an organisation's profile: it sees a cluster the organisation belongs to, or is it. */
    static boolean canReadOrganisation(Account a, Registry r, String inn) {
        if (seesAll(a) || canEditOrganisation(a, inn)) return true;
        for (Membership m : r.memberships()) {
            if (m.inn().equals(inn) && canRead(a, r, m.cluster())) return true;
        }
        return false;
    }

    static boolean canEditOrganisation(Account a, String inn) {
        return is(a, Role.ADMINISTRATOR) || (is(a, Role.PARTICIPANT) && inn.equals(a.organisationInn()));
    }

    /** The clusters a cluster manager manages (empty for other roles). */
    static Set<String> managed(Account a) {
        return is(a, Role.CLUSTER_MANAGER) ? a.clusters() : Set.of();
    }
}
