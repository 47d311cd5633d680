package org.klaster.app.web;

import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.registry.Membership;
import org.klaster.registry.Registry;

/**
 * What an account may see and change in the Registry section, beyond the rule its route carries
 * ({@link RegistryPages#install}): the route lets any signed-in role read, and this says which clusters (docs/web.md,
 * "Registry"); {@code null} or an anonymous principal may do nothing.
 * <ul>
 *   <li>read a cluster (profile, report, downloads, API): the roles that read every cluster
 *       ({@link Permission#READ_EVERY_CLUSTER}: administrator, ministry analyst, viewer), a manager of that cluster, a
 *       participant whose organisation is (or was) one of its members;</li>
 *   <li>create a cluster: {@link Permission#CREATE_CLUSTER} (administrator, cluster manager);</li>
 *   <li>change a cluster (participants, imports, contracts, facts) and read its audit trail: administrator
 *       ({@link Permission#EDIT_EVERY_CLUSTER}) or a manager of that cluster;</li>
 *   <li>read an organisation: one who reads a cluster it belongs to, or edits it; edit it: administrator or the
 *       participant of that organisation.</li>
 * </ul>
 */
final class RegistryAccess {

    private RegistryAccess() {
    }

    static boolean signedIn(Principal p) {
        return p != null && p.signedIn();
    }

    static boolean seesAll(Principal p) {
        return signedIn(p) && p.may(Permission.READ_EVERY_CLUSTER);
    }

    /** Whether the account may read this cluster's profile and report. */
    static boolean canRead(Principal p, Registry r, String cluster) {
        if (seesAll(p) || (signedIn(p) && p.manages(cluster))) return true;
        if (signedIn(p) && p.organisationInn() != null) {
            for (Membership m : r.memberships()) {
                if (m.cluster().equals(cluster) && p.represents(m.inn())) return true;
            }
        }
        return false;
    }

    static boolean canCreate(Principal p) {
        return signedIn(p) && p.may(Permission.CREATE_CLUSTER);
    }

    static boolean canEdit(Principal p, String cluster) {
        return signedIn(p) && (p.may(Permission.EDIT_EVERY_CLUSTER) || p.manages(cluster));
    }

    static boolean canAudit(Principal p, String cluster) {
        return signedIn(p) && (p.may(Permission.READ_EVERY_AUDIT) || p.manages(cluster));
    }

    /** Whether the account may read an organisation's profile: it reads a cluster the organisation belongs to, or edits it. */
    static boolean canReadOrganisation(Principal p, Registry r, String inn) {
        if (seesAll(p) || canEditOrganisation(p, inn)) return true;
        for (Membership m : r.memberships()) {
            if (m.inn().equals(inn) && canRead(p, r, m.cluster())) return true;
        }
        return false;
    }

    static boolean canEditOrganisation(Principal p, String inn) {
        return signedIn(p) && (p.may(Permission.EDIT_EVERY_CLUSTER) || p.represents(inn));
    }
}
