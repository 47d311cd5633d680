package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.demo.DemoRegistry;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.formats.RulesReader;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Contract;
import org.klaster.registry.ContractType;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;
import org.klaster.registry.RuleSet;

/**
 * The platform store's contract, run unchanged on every database it supports (subclasses open a fresh,
 * empty store for each test). Expected values are written out by hand from the inputs.
 */
abstract class PlatformStoreContract {

    /** A fresh, empty store. */
    abstract PlatformStore open();

    /** Removes what {@link #open} made (after the store is closed). */
    void dispose() {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Actor ADMIN = new Actor(null, "test-admin");
    static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
    // valid INNs (check digits computed by hand with the FNS weights; also in IdentifiersTest)
    static final String INN_A = "7707083893";
    static final String INN_B = "7736050003";
    static final String INN_C = "500100732259";
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    @TempDir
    Path dir;

    PlatformStore s;

    @BeforeEach
    void openStore() {
        s = open();
    }

    @AfterEach
    void closeStore() {
        if (s != null) s.close();
        dispose();
    }

    static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Organisation org(String inn, String name) {
        return new Organisation(inn, "", name, OrganisationType.ENTERPRISE, "29.10", "RU-SAM", 53.2, 50.1, 120,
                Double.NaN, true, false);
    }

    static Cluster cluster(String id) {
        return new Cluster(id, "Cluster " + id, ClusterType.INDUSTRIAL, List.of("RU-SAM"), List.of("29", "22"), "");
    }

    /** Three organisations, two clusters: A and B in K1, C in K2. */
    void smallRegistry() {
        s.importRegistry(ADMIN, new Registry(List.of(org(INN_A, "Alpha"), org(INN_B, "Beta"), org(INN_C, "Gamma")),
                List.of(cluster("K1"), cluster("K2")),
                List.of(new Membership("K1", INN_A, LocalDate.of(2020, 1, 1), null),
                        new Membership("K1", INN_B, LocalDate.of(2020, 1, 1), null),
                        new Membership("K2", INN_C, LocalDate.of(2021, 5, 1), null)),
                List.of(new Contract("K1", INN_A, INN_B, ContractType.SUPPLY, 2024, 1500.5)),
                List.of(new AnnualFacts(INN_A, 2024, 10_000, 2_000), new AnnualFacts(INN_C, 2024, 500, Double.NaN)),
                List.of(new Offer(INN_A, Offer.Kind.NEED, "castings", List.of("24.51")))));
    }

    // ------------------------------------------------------------------ offers (needs and competences)

    @Test
    void offersAreAddedChangedAndDeletedEachWithItsAuditEntry() {
        smallRegistry();
        long before = s.changeCount();
        List<StoredOffer> imported = s.offers(INN_A);
        assertThat(imported).extracting(StoredOffer::offer)
                .containsExactly(new Offer(INN_A, Offer.Kind.NEED, "castings", List.of("24.51")));
        String id = s.addOffer(ADMIN, new Offer(INN_B, Offer.Kind.COMPETENCE, "станки с ЧПУ", List.of("28.41", "25.62.20.000")));
        assertThat(s.changeCount()).isGreaterThan(before);
        assertThat(s.offer(id).orElseThrow().offer().codes()).containsExactly("28.41", "25.62.20.000");
        AuditEntry created = s.audit("offer", id, 10).get(0);
        assertThat(created.action()).isEqualTo("create");
        assertThat(created.before()).isNull();
        assertThat(tree(created.after()).get("text").asText()).isEqualTo("станки с ЧПУ");

        s.saveOffer(ADMIN, id, new Offer(INN_B, Offer.Kind.NEED, "литьё", List.of("24.5")));
        assertThat(s.offers(INN_B)).extracting(StoredOffer::offer).containsExactly(new Offer(INN_B, Offer.Kind.NEED, "литьё", List.of("24.5")));
        AuditEntry updated = s.audit("offer", id, 10).get(0);
        assertThat(updated.action()).isEqualTo("update");
        assertThat(tree(updated.before()).get("offer").asText()).isEqualTo("competence");
        assertThat(tree(updated.after()).get("offer").asText()).isEqualTo("need");
        // the same values again change nothing and log nothing
        long unchanged = s.changeCount();
        s.saveOffer(ADMIN, id, new Offer(INN_B, Offer.Kind.NEED, "литьё", List.of("24.5")));
        assertThat(s.changeCount()).isEqualTo(unchanged);

        s.deleteOffer(ADMIN, id);
        assertThat(s.offers(INN_B)).isEmpty();
        assertThat(s.offer(id)).isEmpty();
        AuditEntry deleted = s.audit("offer", id, 10).get(0);
        assertThat(deleted.action()).isEqualTo("delete");
        assertThat(deleted.after()).isNull();
        assertThat(s.audit("offer", id, 10)).hasSize(3);
        assertThat(s.registry().offers()).hasSize(1);
    }

    @Test
    void aRefusedOfferLeavesNeitherTheChangeNorAnAuditEntry() {
        smallRegistry();
        int entries = s.audit(null, null, 1000).size();
        assertThatThrownBy(() -> s.addOffer(ADMIN, new Offer(INN_A, Offer.Kind.NEED, "x", List.of("28.4x"))))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("28.4x").hasMessageContaining("OKPD2/OKVED2");
        assertThatThrownBy(() -> s.addOffer(ADMIN, new Offer(INN_A, Offer.Kind.NEED, " ", List.of())))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> s.addOffer(ADMIN, new Offer("7702070139", Offer.Kind.NEED, "x", List.of())))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("no organisation with INN 7702070139");
        String id = s.offers(INN_A).get(0).id();
        // an offer is changed only as its own organisation's
        assertThatThrownBy(() -> s.saveOffer(ADMIN, id, new Offer(INN_B, Offer.Kind.NEED, "x", List.of())))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("no need or competence " + id);
        assertThatThrownBy(() -> s.saveOffer(ADMIN, id, new Offer(INN_A, Offer.Kind.NEED, "x", List.of("1"))))
                .isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> s.deleteOffer(ADMIN, "999999")).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> s.deleteOffer(ADMIN, "x; DROP TABLE offers")).isInstanceOf(InvalidRecordException.class);
        assertThat(s.offers(INN_A)).extracting(StoredOffer::offer)
                .containsExactly(new Offer(INN_A, Offer.Kind.NEED, "castings", List.of("24.51")));
        assertThat(s.offers(INN_B)).isEmpty();
        assertThat(s.audit(null, null, 1000)).hasSize(entries);
    }

    // ------------------------------------------------------------------ schema

    @Test
    void migrationsAreAppliedOnce() {
        assertThat(s.schemaVersion()).isEqualTo(PlatformStore.MIGRATIONS.size());
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void accountsAreFoundByLoginIgnoringCaseAndLoginsAreUniqueIgnoringCase() {
        Account a = s.addAccount(ADMIN, "Olga.Admin", "Olga", Role.ADMINISTRATOR, HASH, null, Set.of());
        assertThat(a.id()).isNotBlank();
        assertThat(s.account("olga.admin")).contains(a);
        assertThat(s.account("OLGA.ADMIN")).contains(a);
        assertThat(s.accountById(a.id())).contains(a);
        assertThat(s.passwordHash(a.id())).contains(HASH);
        assertThatThrownBy(() -> s.addAccount(ADMIN, "olga.ADMIN", null, Role.VIEWER, HASH, null, Set.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already taken");
        assertThat(s.accounts()).containsExactly(a);
    }

    @Test
    void accountFieldsAreChecked() {
        assertThatThrownBy(() -> s.addAccount(ADMIN, "ab", null, Role.VIEWER, HASH, null, Set.of()))
                .hasMessageContaining("3 to 64");
        assertThatThrownBy(() -> s.addAccount(ADMIN, "with space", null, Role.VIEWER, HASH, null, Set.of()))
                .hasMessageContaining("3 to 64");
        assertThatThrownBy(() -> s.addAccount(ADMIN, "viewer1", null, Role.VIEWER, "", null, Set.of()))
                .hasMessageContaining("password hash");
        // a participant names a known organisation; nobody else names one
        assertThatThrownBy(() -> s.addAccount(ADMIN, "part1", null, Role.PARTICIPANT, HASH, null, Set.of()))
                .hasMessageContaining("participant");
        assertThatThrownBy(() -> s.addAccount(ADMIN, "part1", null, Role.PARTICIPANT, HASH, INN_A, Set.of()))
                .hasMessageContaining("no organisation with INN " + INN_A);
        assertThatThrownBy(() -> s.addAccount(ADMIN, "view1", null, Role.VIEWER, HASH, INN_A, Set.of()))
                .hasMessageContaining("participant");
        assertThatThrownBy(() -> s.addAccount(ADMIN, "mgr1", null, Role.CLUSTER_MANAGER, HASH, null, Set.of("K1")))
                .hasMessageContaining("no cluster K1");
        assertThatThrownBy(() -> s.addAccount(ADMIN, "view1", null, Role.VIEWER, HASH, null, Set.of("K1")))
                .hasMessageContaining("only a cluster manager");
        assertThat(s.accounts()).isEmpty();
        assertThat(s.audit(null, null, 100)).isEmpty();
    }

    @Test
    void participantsAndManagersAreTiedToTheRegistry() {
        smallRegistry();
        Account p = s.addAccount(ADMIN, "alpha", "Alpha staff", Role.PARTICIPANT, HASH, INN_A, null);
        assertThat(p.organisationInn()).isEqualTo(INN_A);
        Account m = s.addAccount(ADMIN, "manager", null, Role.CLUSTER_MANAGER, HASH, null, Set.of("K1"));
        assertThat(m.displayName()).isEqualTo("manager");
        assertThat(s.accountById(m.id()).orElseThrow().clusters()).containsExactly("K1");
        s.setClusters(ADMIN, m.id(), Set.of("K2", "K1"));
        assertThat(s.accountById(m.id()).orElseThrow().clusters()).containsExactly("K1", "K2");
        assertThatThrownBy(() -> s.setClusters(ADMIN, m.id(), Set.of("K9"))).hasMessageContaining("no cluster K9");
        assertThat(s.accountById(m.id()).orElseThrow().clusters()).containsExactly("K1", "K2");
        AuditEntry e = s.audit("account", m.id(), 1).get(0);
        assertThat(e.action()).isEqualTo("update");
        assertThat(tree(e.before()).get("clusters").toString()).isEqualTo("[\"K1\"]");
        assertThat(tree(e.after()).get("clusters").toString()).isEqualTo("[\"K1\",\"K2\"]");
    }

    @Test
    void aCreatedClusterIsNewAndManagedByItsCreatorInOneTransaction() {
        smallRegistry();
        Account m = s.addAccount(ADMIN, "manager", null, Role.CLUSTER_MANAGER, HASH, null, Set.of("K1"));
        Actor by = new Actor(m.id(), m.login());
        int before = s.audit(null, null, 1000).size();
        s.createCluster(by, cluster("K7"), m.id());
        assertThat(s.cluster("K7")).isPresent();
        assertThat(s.accountById(m.id()).orElseThrow().clusters()).containsExactly("K1", "K7");
        assertThat(s.audit(null, null, 1000)).hasSize(before + 2);
        // a taken id is refused, not overwritten: the first cluster K1 keeps its name, no manager change, no audit row
        String name = s.cluster("K1").orElseThrow().name();
        assertThatThrownBy(() -> s.createCluster(by, new Cluster("K1", "Hijacked", ClusterType.OTHER, List.of(), List.of(), ""),
                m.id())).isInstanceOf(InvalidRecordException.class).hasMessageContaining("already a cluster K1");
        assertThat(s.cluster("K1").orElseThrow().name()).isEqualTo(name);
        // a manager that is not a cluster manager rolls the cluster back with it
        Account v = s.addAccount(ADMIN, "viewer", null, Role.VIEWER, HASH, null, null);
        int now = s.audit(null, null, 1000).size();
        assertThatThrownBy(() -> s.createCluster(by, cluster("K8"), v.id())).hasMessageContaining("only a cluster manager");
        assertThat(s.cluster("K8")).isEmpty();
        assertThat(s.audit(null, null, 1000)).hasSize(now);
    }

    @Test
    void anAdministratorExistsOnlyWhileEnabled() {
        assertThat(s.hasAdministrator()).isFalse();
        s.addAccount(ADMIN, "viewer", null, Role.VIEWER, HASH, null, Set.of());
        assertThat(s.hasAdministrator()).isFalse();
        Account a = s.addAccount(ADMIN, "root", null, Role.ADMINISTRATOR, HASH, null, Set.of());
        assertThat(s.hasAdministrator()).isTrue();
        s.setDisabled(ADMIN, a.id(), true);
        assertThat(s.hasAdministrator()).isFalse();
        assertThat(s.accountById(a.id()).orElseThrow().disabled()).isTrue();
        s.setDisabled(ADMIN, a.id(), false);
        assertThat(s.hasAdministrator()).isTrue();
        assertThat(s.audit("account", a.id(), 10)).extracting(AuditEntry::action)
                .containsExactly("enable", "disable", "create");
    }

    @Test
    void passwordChangesAreAuditedWithoutTheHashAndEndSessions() {
        Account a = s.addAccount(ADMIN, "user1", null, Role.VIEWER, HASH, null, Set.of());
        s.createSession(sha("s1"), a.id(), T0);
        s.createSession(sha("s2"), a.id(), T0);
        String newHash = HASH.replace("aGFzaGhhc2hoYXNo", "bmV3bmV3bmV3bmV3");
        s.setPasswordHash(new Actor(a.id(), "user1"), a.id(), newHash);
        assertThat(s.passwordHash(a.id())).contains(newHash);
        assertThat(s.session(sha("s1"))).isEmpty();
        assertThat(s.session(sha("s2"))).isEmpty();
        AuditEntry e = s.audit("account", a.id(), 1).get(0);
        assertThat(e.action()).isEqualTo("password");
        assertThat(e.actor()).isEqualTo("user1");
        assertThat(e.after()).doesNotContain(newHash).doesNotContain("argon2");
        assertThat(tree(e.after()).get("sessions_ended").asInt()).isEqualTo(2);
        for (AuditEntry x : s.audit(null, null, 100)) {
            assertThat(String.valueOf(x.before()) + x.after()).doesNotContain("argon2");
        }
    }

    @Test
    void aRoleChangeBringsWhatTheRoleNeedsAndEndsSessions() {
        smallRegistry();
        Account a = s.addAccount(ADMIN, "worker", null, Role.VIEWER, HASH, null, Set.of());
        s.createSession(sha("w1"), a.id(), T0);
        assertThatThrownBy(() -> s.setRole(ADMIN, a.id(), Role.PARTICIPANT, null, null)).hasMessageContaining("participant");
        s.setRole(ADMIN, a.id(), Role.PARTICIPANT, INN_B, null);
        Account b = s.accountById(a.id()).orElseThrow();
        assertThat(b.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(b.organisationInn()).isEqualTo(INN_B);
        assertThat(s.session(sha("w1"))).isEmpty();
        s.setRole(ADMIN, a.id(), Role.CLUSTER_MANAGER, null, Set.of("K2"));
        Account c = s.accountById(a.id()).orElseThrow();
        assertThat(c.organisationInn()).isNull();
        assertThat(c.clusters()).containsExactly("K2");
        AuditEntry e = s.audit("account", a.id(), 1).get(0);
        assertThat(tree(e.before()).get("role").asText()).isEqualTo("participant");
        assertThat(tree(e.after()).get("role").asText()).isEqualTo("cluster_manager");
    }

    /** Two threads adding the same login (in other cases) at once: exactly one account results. */
    @Test
    void concurrentAddsOfOneLoginMakeOneAccount() throws Exception {
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String login = i % 2 == 0 ? "same.login" : "SAME.login";
            results.add(pool.submit(() -> {
                start.await();
                try {
                    s.addAccount(ADMIN, login, null, Role.VIEWER, HASH, null, Set.of());
                    return true;
                } catch (InvalidRecordException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (java.util.concurrent.Future<Boolean> f : results) if (f.get()) ok++;
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(s.accounts()).hasSize(1);
        assertThat(s.audit("account", null, 10)).hasSize(1);
    }

    // ------------------------------------------------------------------ sessions

    @Test
    void sessionsAreStoredTouchedAndEndedWhenIdle() {
        Account a = s.addAccount(ADMIN, "user1", null, Role.VIEWER, HASH, null, Set.of());
        Account b = s.addAccount(ADMIN, "user2", null, Role.VIEWER, HASH, null, Set.of());
        s.createSession(sha("a1"), a.id(), T0);
        s.createSession(sha("a2"), a.id(), T0);
        s.createSession(sha("b1"), b.id(), T0);
        assertThat(s.session(sha("a1"))).contains(new SessionRecord(sha("a1"), a.id(), T0, T0));
        Instant later = T0.plus(20, ChronoUnit.MINUTES);
        s.touchSession(sha("a2"), later);
        assertThat(s.session(sha("a2")).orElseThrow().lastSeen()).isEqualTo(later);
        // idle since T0 + 10 min: a1 and b1 (last seen T0) go, a2 (seen at +20 min) stays
        assertThat(s.deleteSessionsIdleSince(T0.plus(10, ChronoUnit.MINUTES))).isEqualTo(2);
        assertThat(s.session(sha("a1"))).isEmpty();
        assertThat(s.session(sha("b1"))).isEmpty();
        assertThat(s.session(sha("a2"))).isPresent();
        // exactly at the cutoff is not idle "since" it
        assertThat(s.deleteSessionsIdleSince(later)).isZero();
        s.deleteSession(sha("a2"));
        assertThat(s.session(sha("a2"))).isEmpty();
        s.createSession(sha("b2"), b.id(), T0);
        s.createSession(sha("b3"), b.id(), T0);
        assertThat(s.deleteSessionsOf(b.id())).isEqualTo(2);
        // sessions are not audited
        assertThat(s.audit("session", null, 10)).isEmpty();
    }

    @Test
    void aDisabledAccountLosesItsSessionsAndCannotStartOne() {
        Account a = s.addAccount(ADMIN, "user1", null, Role.VIEWER, HASH, null, Set.of());
        s.createSession(sha("a1"), a.id(), T0);
        s.setDisabled(ADMIN, a.id(), true);
        assertThat(s.session(sha("a1"))).isEmpty();
        assertThatThrownBy(() -> s.createSession(sha("a2"), a.id(), T0)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> s.createSession("not-a-hash", a.id(), T0)).isInstanceOf(StoreException.class);
        assertThat(s.session("not-a-hash")).isEmpty();
    }

    // ------------------------------------------------------------------ API tokens

    @Test
    void tokensAuthenticateUntilRevokedAndNotForADisabledAccount() {
        Account a = s.addAccount(ADMIN, "robot", null, Role.MINISTRY_ANALYST, HASH, null, Set.of());
        ApiToken t = s.addToken(ADMIN, a.id(), "nightly export", sha("kl_secret"));
        assertThat(t.live()).isTrue();
        assertThat(s.tokens(a.id())).containsExactly(t);
        assertThat(s.accountByToken(sha("kl_other"), T0)).isEmpty();
        assertThat(s.accountByToken(sha("kl_secret"), T0)).contains(a);
        assertThat(s.tokens(a.id()).get(0).lastUsed()).isEqualTo(T0);
        // recorded to the minute: a use within it writes nothing, a later one is recorded
        s.accountByToken(sha("kl_secret"), T0.plusSeconds(59));
        assertThat(s.tokens(a.id()).get(0).lastUsed()).isEqualTo(T0);
        assertThat(s.accountByToken(sha("kl_secret"), T0.plusSeconds(60))).contains(a);
        assertThat(s.tokens(a.id()).get(0).lastUsed()).isEqualTo(T0.plusSeconds(60));
        s.setDisabled(ADMIN, a.id(), true);
        assertThat(s.accountByToken(sha("kl_secret"), T0)).isEmpty();
        s.setDisabled(ADMIN, a.id(), false);
        assertThat(s.accountByToken(sha("kl_secret"), T0)).isPresent();
        s.revokeToken(ADMIN, t.id());
        assertThat(s.accountByToken(sha("kl_secret"), T0.plusSeconds(1))).isEmpty();
        ApiToken r = s.tokens(a.id()).get(0);
        assertThat(r.revokedAt()).isNotNull();
        assertThat(r.live()).isFalse();
        s.revokeToken(ADMIN, t.id()); // again: nothing changes, nothing audited
        assertThat(s.audit("token", t.id(), 10)).extracting(AuditEntry::action).containsExactly("revoke", "create");
        AuditEntry e = s.audit("token", t.id(), 1).get(0);
        assertThat(tree(e.before()).get("revoked_at").isNull()).isTrue();
        assertThat(tree(e.after()).get("revoked_at").isNull()).isFalse();
        assertThat(e.before() + e.after()).doesNotContain(sha("kl_secret"));
        assertThatThrownBy(() -> s.revokeToken(ADMIN, "nope")).hasMessageContaining("no API token nope");
    }

    // ------------------------------------------------------------------ settings

    @Test
    void publicAnalysesDefaultToAllowedAndChangesAreAudited() {
        assertThat(s.publicAnalyses()).isTrue();
        s.setPublicAnalyses(ADMIN, false);
        assertThat(s.publicAnalyses()).isFalse();
        s.setPublicAnalyses(ADMIN, false);
        s.setPublicAnalyses(ADMIN, true);
        assertThat(s.publicAnalyses()).isTrue();
        List<AuditEntry> l = s.audit("setting", null, 10);
        assertThat(l).hasSize(2);
        assertThat(tree(l.get(1).before()).get("value").asBoolean()).isTrue();
        assertThat(tree(l.get(1).after()).get("value").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ registry

    @Test
    void theDemoRegistryReadsBackAsRegistryReaderReadIt() throws Exception {
        Path folder = dir.resolve("registry");
        DemoRegistry.write(DemoRegistry.generate(), folder);
        Registry read = RegistryReader.read(folder).registry();
        s.importRegistry(Actor.cli(), read);
        Registry back = s.registry();
        assertThat(back.organisations()).isEqualTo(read.organisations());
        assertThat(back.clusters()).isEqualTo(read.clusters());
        assertThat(back.memberships()).isEqualTo(read.memberships());
        assertThat(back.contracts()).isEqualTo(read.contracts());
        assertThat(back.facts()).isEqualTo(read.facts());
        assertThat(back).isEqualTo(read);
        assertThat(s.clusters()).extracting(Cluster::id).containsExactly("SAM-AUTO", "TA-AERO", "SVE-METAL");
        int entries = s.audit(null, null, PlatformStore.MAX_AUDIT).size();
        int rows = read.organisations().size() + read.clusters().size() + read.memberships().size()
                + read.contracts().size() + read.facts().size() + read.offers().size();
        assertThat(entries).isEqualTo(rows);
        // the same folder again adds nothing and audits nothing
        s.importRegistry(Actor.cli(), read);
        assertThat(s.registry()).isEqualTo(read);
        assertThat(s.audit(null, null, PlatformStore.MAX_AUDIT)).hasSize(entries);
    }

    @Test
    void aFailingImportStoresNothingAndAuditsNothing() {
        Registry bad = new Registry(List.of(org(INN_A, "Alpha"), org(INN_B, "Beta")), List.of(cluster("K1")),
                List.of(new Membership("K1", INN_A, LocalDate.of(2020, 1, 1), null)),
                List.of(new Contract("K1", INN_A, INN_A, ContractType.SUPPLY, 2024, 1)), List.of(), List.of());
        assertThatThrownBy(() -> s.importRegistry(ADMIN, bad)).isInstanceOf(StoreException.class)
                .hasMessageContaining("with itself");
        // caught only while writing (after the organisations were inserted): two overlapping periods
        Registry overlapping = new Registry(List.of(org(INN_A, "Alpha")), List.of(cluster("K1")),
                List.of(new Membership("K1", INN_A, LocalDate.of(2020, 1, 1), LocalDate.of(2022, 1, 1)),
                        new Membership("K1", INN_A, LocalDate.of(2021, 6, 1), null)), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> s.importRegistry(ADMIN, overlapping)).isInstanceOf(StoreException.class)
                .hasMessageContaining("overlapping");
        assertThat(s.registry().organisations()).isEmpty();
        assertThat(s.clusters()).isEmpty();
        assertThat(s.audit(null, null, 100)).isEmpty();
        // an unknown INN, a bad INN, a negative value: refused before any SQL
        Registry unknown = new Registry(List.of(), List.of(cluster("K1")),
                List.of(new Membership("K1", INN_C, LocalDate.of(2020, 1, 1), null)), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> s.importRegistry(ADMIN, unknown)).hasMessageContaining("no organisation with INN " + INN_C);
        Registry badInn = new Registry(List.of(org("7707083890", "X")), List.of(), List.of(), List.of(), List.of(),
                List.of());
        assertThatThrownBy(() -> s.importRegistry(ADMIN, badInn)).hasMessageContaining("not a valid INN");
        Registry negative = new Registry(List.of(org(INN_A, "A")), List.of(), List.of(), List.of(),
                List.of(new AnnualFacts(INN_A, 2024, -1, 0)), List.of());
        assertThatThrownBy(() -> s.importRegistry(ADMIN, negative)).hasMessageContaining("output");
        assertThat(s.registry().organisations()).isEmpty();
        assertThat(s.audit(null, null, 100)).isEmpty();
    }

    @Test
    void organisationsAndClustersAreUpsertedWithBeforeAndAfter() {
        Actor manager = new Actor("acc-1", "manager");
        s.saveOrganisation(manager, org(INN_A, "Alpha"));
        s.saveOrganisation(manager, org(INN_A, "Alpha Plant"));
        assertThat(s.organisation(INN_A).orElseThrow().name()).isEqualTo("Alpha Plant");
        assertThat(s.organisation(INN_A).orElseThrow().revenue()).isNaN();
        List<AuditEntry> l = s.audit("organisation", INN_A, 10);
        assertThat(l).extracting(AuditEntry::action).containsExactly("update", "create");
        assertThat(l.get(1).before()).isNull();
        assertThat(tree(l.get(0).before()).get("name").asText()).isEqualTo("Alpha");
        assertThat(tree(l.get(0).after()).get("name").asText()).isEqualTo("Alpha Plant");
        assertThat(tree(l.get(0).after()).get("revenue").isNull()).isTrue();
        assertThat(l.get(0).actor()).isEqualTo("manager");
        assertThat(l.get(0).seq()).isGreaterThan(l.get(1).seq());
        s.saveCluster(manager, cluster("K1"));
        Cluster changed = new Cluster("K1", "Renamed", ClusterType.OTHER, List.of("RU-SAM", "RU-TA"), List.of(), INN_A);
        s.saveCluster(manager, changed);
        assertThat(s.cluster("K1")).contains(changed);
        assertThat(s.cluster("K9")).isEmpty();
        assertThatThrownBy(() -> s.saveCluster(manager, new Cluster("K2", "X", ClusterType.OTHER, List.of(), List.of(),
                INN_B))).hasMessageContaining("no organisation with INN " + INN_B);
        assertThat(s.audit("cluster", "K1", 10)).extracting(AuditEntry::action).containsExactly("update", "create");
    }

    @Test
    void membershipsAreAddedReplacedAndEnded() {
        smallRegistry();
        LocalDate joined = LocalDate.of(2022, 2, 1);
        s.addMembership(ADMIN, new Membership("K2", INN_A, joined, null));
        // the same cluster, INN and joined day replaces
        s.addMembership(ADMIN, new Membership("K2", INN_A, joined, LocalDate.of(2023, 1, 1)));
        assertThat(s.memberships("K2")).containsExactly(new Membership("K2", INN_C, LocalDate.of(2021, 5, 1), null),
                new Membership("K2", INN_A, joined, LocalDate.of(2023, 1, 1)));
        assertThatThrownBy(() -> s.addMembership(ADMIN, new Membership("K2", INN_A, LocalDate.of(2022, 6, 1), null)))
                .hasMessageContaining("overlapping");
        s.addMembership(ADMIN, new Membership("K2", INN_A, LocalDate.of(2024, 1, 1), null));
        assertThatThrownBy(() -> s.endMembership(ADMIN, "K2", INN_A, LocalDate.of(2023, 12, 31)))
                .hasMessageContaining("before the day it joined");
        s.endMembership(ADMIN, "K2", INN_A, LocalDate.of(2024, 12, 31));
        assertThat(s.memberships("K2")).hasSize(3).last()
                .isEqualTo(new Membership("K2", INN_A, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThatThrownBy(() -> s.endMembership(ADMIN, "K2", INN_A, LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("no open membership");
        assertThatThrownBy(() -> s.addMembership(ADMIN, new Membership("K9", INN_A, joined, null)))
                .hasMessageContaining("no cluster K9");
        AuditEntry e = s.audit("membership", "K2/" + INN_A + "/2024-01-01", 1).get(0);
        assertThat(tree(e.before()).get("left").isNull()).isTrue();
        assertThat(tree(e.after()).get("left").asText()).isEqualTo("2024-12-31");
    }

    @Test
    void contractsAreAddedListedAndDeleted() {
        smallRegistry();
        String id = s.addContract(ADMIN, new Contract("K1", INN_B, INN_A, ContractType.WORKS, 2023, 250));
        assertThat(s.contracts("K1")).extracting(StoredContract::id).hasSize(2).endsWith(id);
        assertThat(s.contracts("K1").get(1).contract())
                .isEqualTo(new Contract("K1", INN_B, INN_A, ContractType.WORKS, 2023, 250));
        assertThatThrownBy(() -> s.addContract(ADMIN, new Contract("K1", INN_B, INN_B, ContractType.WORKS, 2023, 1)))
                .hasMessageContaining("with itself");
        assertThatThrownBy(() -> s.addContract(ADMIN, new Contract("K1", INN_B, "7707083890", ContractType.WORKS, 2023, 1)))
                .hasMessageContaining("no organisation with INN 7707083890");
        assertThatThrownBy(() -> s.addContract(ADMIN, new Contract("K1", INN_B, INN_A, ContractType.WORKS, 2023,
                Double.POSITIVE_INFINITY))).hasMessageContaining("value");
        assertThatThrownBy(() -> s.addContract(ADMIN, new Contract("K1", INN_B, INN_A, ContractType.WORKS, 1899, 1)))
                .hasMessageContaining("1899");
        s.deleteContract(ADMIN, id);
        assertThat(s.contracts("K1")).hasSize(1);
        assertThatThrownBy(() -> s.deleteContract(ADMIN, id)).hasMessageContaining("no contract " + id);
        List<AuditEntry> l = s.audit("contract", id, 10);
        assertThat(l).extracting(AuditEntry::action).containsExactly("delete", "create");
        assertThat(l.get(0).after()).isNull();
        assertThat(tree(l.get(0).before()).get("value").asDouble()).isEqualTo(250.0);
    }

    @Test
    void factsAreUpsertedByInnAndYear() {
        smallRegistry();
        s.saveFacts(ADMIN, new AnnualFacts(INN_A, 2024, 12_000, Double.NaN));
        s.saveFacts(ADMIN, new AnnualFacts(INN_A, 2023, 9_000, 1_000));
        assertThat(s.facts(INN_A)).containsExactly(new AnnualFacts(INN_A, 2023, 9_000, 1_000),
                new AnnualFacts(INN_A, 2024, 12_000, Double.NaN));
        AuditEntry e = s.audit("facts", INN_A + "/2024", 1).get(0);
        assertThat(e.action()).isEqualTo("update");
        assertThat(tree(e.before()).get("purchases").asDouble()).isEqualTo(2000.0);
        assertThat(tree(e.after()).get("purchases").isNull()).isTrue();
    }

    @Test
    void theAuditOfAClusterHasItsRowsAndItsParticipantsFactsOnly() {
        smallRegistry();
        s.saveFacts(ADMIN, new AnnualFacts(INN_B, 2023, 1, 1));
        s.saveFacts(ADMIN, new AnnualFacts(INN_C, 2023, 1, 1));
        List<AuditEntry> k1 = s.auditOfCluster("K1", 100);
        // K1: the cluster, 2 memberships, 1 contract, facts of A (import) and B (saved)
        assertThat(k1).extracting(e -> e.entity() + ":" + e.entityId()).containsExactly(
                "facts:" + INN_B + "/2023", "facts:" + INN_A + "/2024", "contract:" + k1.get(2).entityId(),
                "membership:K1/" + INN_B + "/2020-01-01", "membership:K1/" + INN_A + "/2020-01-01", "cluster:K1");
        assertThat(s.auditOfCluster("K2", 100)).extracting(AuditEntry::entityId).containsExactly(
                INN_C + "/2023", INN_C + "/2024", "K2/" + INN_C + "/2021-05-01", "K2");
        assertThat(s.auditOfCluster("K1", 2)).hasSize(2);
    }

    @Test
    void auditEntriesCarryTheTimeOfTheChange() {
        Instant at = Instant.parse("2025-06-30T23:59:59.999999Z");
        s.withClock(Clock.fixed(at, ZoneOffset.UTC));
        s.saveOrganisation(ADMIN, org(INN_A, "A"));
        assertThat(s.audit(null, null, 1).get(0).at()).isEqualTo(at);
    }

    // ------------------------------------------------------------------ rules

    @Test
    void rulesAreVersionedAndReadBackExactly() {
        RuleSet project = RulesReader.project().rules();
        assertThat(s.currentRules()).isEmpty();
        assertThat(s.saveRules(ADMIN, project, "Decree 779 as of 2025")).isEqualTo("1");
        RuleSet back = s.rules("1").orElseThrow();
        assertThat(back.version()).isEqualTo("1");
        assertThat(back.rules()).isEqualTo(project.rules());
        RuleSet fewer = new RuleSet(project.rules().subList(0, 3), "x");
        assertThat(s.saveRules(Actor.cli(), fewer, null)).isEqualTo("2");
        assertThat(s.currentRules().orElseThrow().rules()).isEqualTo(fewer.rules());
        assertThat(s.currentRules().orElseThrow().version()).isEqualTo("2");
        assertThat(s.rules("1").orElseThrow().rules()).isEqualTo(project.rules());
        assertThat(s.rules("3")).isEmpty();
        assertThat(s.rules("x")).isEmpty();
        List<RuleVersion> v = s.ruleVersions();
        assertThat(v).extracting(RuleVersion::version).containsExactly("1", "2");
        assertThat(v.get(0).rules()).isEqualTo(project.rules().size());
        assertThat(v.get(0).note()).isEqualTo("Decree 779 as of 2025");
        assertThat(v.get(1).createdBy()).startsWith("cli:");
        assertThat(s.audit("rules", null, 10)).extracting(AuditEntry::entityId).containsExactly("2", "1");
        assertThatThrownBy(() -> s.saveRules(ADMIN, new RuleSet(List.of(), ""), "")).isInstanceOf(StoreException.class);
    }

    // ------------------------------------------------------------------ instrument catalogue

    @Test
    void instrumentCataloguesAreVersionedApartFromTheRulesAndReadBackExactly() {
        org.klaster.finance.Catalogue project = org.klaster.data.formats.InstrumentsReader.project().catalogue();
        assertThat(s.currentInstruments()).isEmpty();
        s.saveRules(ADMIN, RulesReader.project().rules(), "rules first");
        assertThat(s.saveInstruments(ADMIN, project, "policy notes 2025")).isEqualTo("1");
        org.klaster.finance.Catalogue back = s.instruments("1").orElseThrow();
        assertThat(back.version()).isEqualTo("1");
        // text parameters (value NaN) and numbers with their text come back as they went in
        assertThat(back.rules()).hasSameSizeAs(project.rules());
        for (int i = 0; i < project.rules().size(); i++) {
            org.klaster.finance.InstrumentRule a = project.rules().get(i);
            org.klaster.finance.InstrumentRule b = back.rules().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.text()).isEqualTo(a.text());
            assertThat(Double.compare(b.value(), a.value())).as(a.name()).isZero();
            assertThat(b.validFrom()).isEqualTo(a.validFrom());
            assertThat(b.validTo()).isEqualTo(a.validTo());
            assertThat(b.source()).isEqualTo(a.source());
            assertThat(b.confidence()).isEqualTo(a.confidence());
        }
        org.klaster.finance.Catalogue fewer = new org.klaster.finance.Catalogue(project.rules().subList(0, 5), "x");
        assertThat(s.saveInstruments(Actor.cli(), fewer, null)).isEqualTo("2");
        assertThat(s.currentInstruments().orElseThrow().rules()).hasSize(5);
        assertThat(s.currentInstruments().orElseThrow().version()).isEqualTo("2");
        assertThat(s.instruments("3")).isEmpty();
        assertThat(s.instruments("x")).isEmpty();
        assertThat(s.instrumentVersions()).extracting(RuleVersion::version).containsExactly("1", "2");
        assertThat(s.instrumentVersions().get(1).createdBy()).startsWith("cli:");
        // the compliance rules keep their own numbering
        assertThat(s.ruleVersions()).extracting(RuleVersion::version).containsExactly("1");
        assertThat(s.audit("instruments", null, 10)).extracting(AuditEntry::entityId).containsExactly("2", "1");
        assertThatThrownBy(() -> s.saveInstruments(ADMIN, new org.klaster.finance.Catalogue(List.of(), ""), ""))
                .isInstanceOf(StoreException.class);
        assertThat(s.instrumentVersions()).hasSize(2);
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
