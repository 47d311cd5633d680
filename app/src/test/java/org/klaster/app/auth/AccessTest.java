package org.klaster.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.klaster.app.auth.Access.Decision.ALLOW;
import static org.klaster.app.auth.Access.Decision.FORBID;
import static org.klaster.app.auth.Access.Decision.SIGN_IN;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.Role;

/** The rules of the role model, each written out for every kind of principal. */
class AccessTest {

    private static final Principal ADMIN = p(Role.ADMINISTRATOR, null, Set.of());
    private static final Principal ANALYST = p(Role.MINISTRY_ANALYST, null, Set.of());
    private static final Principal MANAGER = p(Role.CLUSTER_MANAGER, null, Set.of("SAM-AUTO", "TA-AERO"));
    private static final Principal PARTICIPANT = p(Role.PARTICIPANT, "7707083893", Set.of());
    private static final Principal VIEWER = p(Role.VIEWER, null, Set.of());
    private static final Principal ANON = Principal.ANONYMOUS;

    private static Principal p(Role r, String inn, Set<String> clusters) {
        return new Principal("id-" + r.label(), r.label(), r.label(), r, inn, clusters);
    }

    private static Access.Decision decide(Access a, Principal who, Map<String, String> params, boolean publicAnalyses) {
        return a.decide(who, params::get, publicAnalyses);
    }

    @Test
    void publicAnalysesAndSignedIn() {
        for (Principal who : new Principal[] {ADMIN, ANALYST, MANAGER, PARTICIPANT, VIEWER}) {
            assertThat(decide(Access.PUBLIC, who, Map.of(), false)).isEqualTo(ALLOW);
            assertThat(decide(Access.ANALYSES, who, Map.of(), false)).isEqualTo(ALLOW);
            assertThat(decide(Access.SIGNED_IN, who, Map.of(), false)).isEqualTo(ALLOW);
        }
        assertThat(decide(Access.PUBLIC, ANON, Map.of(), false)).isEqualTo(ALLOW);
        assertThat(decide(Access.ANALYSES, ANON, Map.of(), true)).isEqualTo(ALLOW);
        assertThat(decide(Access.ANALYSES, ANON, Map.of(), false)).isEqualTo(SIGN_IN);
        assertThat(decide(Access.SIGNED_IN, ANON, Map.of(), true)).isEqualTo(SIGN_IN);
    }

    @Test
    void rolesAndPermissions() {
        Access uploads = Access.of(Permission.UPLOAD_DATASETS);
        assertThat(decide(uploads, ADMIN, Map.of(), true)).isEqualTo(ALLOW);
        assertThat(decide(uploads, ANALYST, Map.of(), true)).isEqualTo(ALLOW);
        assertThat(decide(uploads, MANAGER, Map.of(), true)).isEqualTo(FORBID);
        assertThat(decide(uploads, PARTICIPANT, Map.of(), true)).isEqualTo(FORBID);
        assertThat(decide(uploads, VIEWER, Map.of(), true)).isEqualTo(FORBID);
        assertThat(decide(uploads, ANON, Map.of(), true)).isEqualTo(SIGN_IN);
        assertThat(decide(Access.ADMIN, ADMIN, Map.of(), true)).isEqualTo(ALLOW);
        assertThat(decide(Access.ADMIN, ANALYST, Map.of(), true)).isEqualTo(FORBID);
        assertThat(Permission.MANAGE_ACCOUNTS.roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(Permission.CREATE_CLUSTER.roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.CLUSTER_MANAGER);
        assertThat(ANALYST.may(Permission.READ_EVERY_CLUSTER)).isTrue();
        assertThat(MANAGER.may(Permission.READ_EVERY_CLUSTER)).isFalse();
        assertThat(ANON.may(Permission.READ_EVERY_CLUSTER)).isFalse();
    }

    @Test
    void ownClusterIsTheManagersOwnOrAnAdministrators() {
        Access rule = Access.ownCluster("id");
        assertThat(decide(rule, MANAGER, Map.of("id", "SAM-AUTO"), true)).isEqualTo(ALLOW);
        assertThat(decide(rule, MANAGER, Map.of("id", "TA-AERO"), true)).isEqualTo(ALLOW);
        assertThat(decide(rule, MANAGER, Map.of("id", "SVE-METAL"), true)).isEqualTo(FORBID);
        assertThat(decide(rule, MANAGER, Map.of(), true)).isEqualTo(FORBID);
        assertThat(decide(rule, ADMIN, Map.of("id", "SVE-METAL"), true)).isEqualTo(ALLOW);
        assertThat(decide(rule, ANALYST, Map.of("id", "SAM-AUTO"), true)).isEqualTo(FORBID);
        // a participant "of" a cluster id is not its manager
        assertThat(decide(rule, p(Role.PARTICIPANT, "7707083893", Set.of("SAM-AUTO")), Map.of("id", "SAM-AUTO"), true)).isEqualTo(FORBID);
        assertThat(decide(rule, ANON, Map.of("id", "SAM-AUTO"), true)).isEqualTo(SIGN_IN);
        Access reading = Access.ownCluster("id", Role.ADMINISTRATOR, Role.MINISTRY_ANALYST);
        assertThat(decide(reading, ANALYST, Map.of("id", "SVE-METAL"), true)).isEqualTo(ALLOW);
        assertThat(decide(reading, VIEWER, Map.of("id", "SVE-METAL"), true)).isEqualTo(FORBID);
    }

    @Test
    void ownOrganisationIsTheParticipantsOwnOrAnAdministrators() {
        Access rule = Access.ownOrganisation("inn");
        assertThat(decide(rule, PARTICIPANT, Map.of("inn", "7707083893"), true)).isEqualTo(ALLOW);
        assertThat(decide(rule, PARTICIPANT, Map.of("inn", "500100732259"), true)).isEqualTo(FORBID);
        assertThat(decide(rule, ADMIN, Map.of("inn", "500100732259"), true)).isEqualTo(ALLOW);
        assertThat(decide(rule, MANAGER, Map.of("inn", "7707083893"), true)).isEqualTo(FORBID);
        assertThat(decide(rule, ANON, Map.of("inn", "7707083893"), true)).isEqualTo(SIGN_IN);
    }

    @Test
    void rulesAreWellFormed() {
        assertThatThrownBy(() -> new Access(Access.Kind.ROLES, Set.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Access(Access.Kind.OWN_CLUSTER, Set.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Access(Access.Kind.PUBLIC, Set.of(), "id")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Access.of(Permission.UPLOAD_DATASETS).toString()).isEqualTo("administrator, ministry_analyst");
        assertThat(Access.ownCluster("id").toString()).isEqualTo("manager of {id}, administrator");
        assertThatThrownBy(ANON::actor).isInstanceOf(IllegalStateException.class);
        assertThat(ADMIN.actor().accountId()).isEqualTo("id-administrator");
    }
}
