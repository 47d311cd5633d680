package org.klaster.app.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.registry.Cluster;
import org.klaster.registry.Membership;

/**
 * One account per role for trying the demo on one's own machine. They exist only while the server listens
 * on loopback: {@link #open} gives each a new random password at every such start (printed on the console,
 * listed on the sign-in page to loopback visitors); {@link #close} disables them when the server is started
 * on any other address, so they never count as the administrator a shared server needs. No password is
 * fixed anywhere. The participant exists once the registry holds an organisation for it to act for.
 */
public final class DemoAccounts {

    /** A demo account and its password of this start. */
    public record Demo(String login, Role role, String password) {
    }

    /** The logins, one per role; reserved for the demo. */
    public static String login(Role r) {
        return "demo-" + r.label().replace('_', '-');
    }

    private DemoAccounts() {
    }

    /**
     * Creates the demo accounts (or enables them again) with new random passwords. The demo cluster manager
     * manages the first cluster of the registry, the demo participant acts for one of its participants
     * (when the registry holds one when the account is created).
     */
    public static List<Demo> open(PlatformStore store, Actor by) {
        List<Demo> out = new ArrayList<>();
        Optional<Cluster> first = store.clusters().stream().findFirst();
        for (Role r : Role.values()) {
            String login = login(r);
            String password = Tokens.newId().substring(0, 20); // 120 random bits; the policy wants ≥ 12 characters
            String hash = Passwords.hash(password.toCharArray());
            Optional<Account> a = store.account(login);
            Set<String> clusters = r == Role.CLUSTER_MANAGER ? first.map(c -> Set.of(c.id())).orElse(Set.of()) : Set.of();
            if (a.isEmpty()) {
                String inn = null;
                if (r == Role.PARTICIPANT) {
                    inn = first.flatMap(c -> store.memberships(c.id()).stream().map(Membership::inn).sorted().findFirst())
                            .orElse(store.organisations().stream().map(o -> o.inn()).sorted().findFirst().orElse(null));
                    if (inn == null) continue; // a participant acts for an organisation: none in the registry yet
                }
                store.addAccount(by, login, login, r, hash, inn, clusters);
            } else {
                store.setPasswordHash(by, a.get().id(), hash);
                if (a.get().disabled()) store.setDisabled(by, a.get().id(), false);
                if (r == Role.CLUSTER_MANAGER && a.get().clusters().isEmpty() && !clusters.isEmpty()) {
                    store.setClusters(by, a.get().id(), clusters);
                }
            }
            out.add(new Demo(login, r, password));
        }
        return out;
    }

    /** Disables the demo accounts that exist (a start on another address than loopback). */
    public static void close(PlatformStore store, Actor by) {
        for (Role r : Role.values()) {
            store.account(login(r)).filter(a -> !a.disabled()).ifPresent(a -> store.setDisabled(by, a.id(), true));
        }
    }
}
