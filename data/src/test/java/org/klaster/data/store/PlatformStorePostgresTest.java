package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The platform store contract on PostgreSQL ({@code KLASTER_TEST_POSTGRES}; skipped without it, failed
 * without it on CI), each test in a schema of its own; and what only PostgreSQL has: the trigger that keeps
 * the audit trail append-only against any client.
 */
class PlatformStorePostgresTest extends PlatformStoreContract {

    private PostgresTestDatabase db;

    @Override
    PlatformStore open() {
        db = PostgresTestDatabase.create();
        return PlatformStore.postgres(db.url());
    }

    @Override
    void dispose() {
        if (db != null) db.drop();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditRows() throws SQLException {
        assertThat(s.dialect()).isEqualTo(Dialect.POSTGRESQL);
        s.addAccount(ADMIN, "someone", null, Role.VIEWER, HASH, null, Set.of());
        assertThat(s.audit(null, null, 10)).hasSize(1);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET actor = 'nobody'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            // inserting is what the store does, and stays allowed
            st.executeUpdate("INSERT INTO audit_log (seq, logged_at, actor, action, entity) "
                    + "VALUES (nextval('audit_seq'), now(), 'x', 'create', 'setting')");
        }
        assertThat(s.audit(null, null, 10)).hasSize(2).last().extracting(AuditEntry::actor).isEqualTo("test-admin");
    }

    @Test
    void aLostConnectionIsOpenedAgain() throws SQLException {
        s.addAccount(ADMIN, "first", null, Role.VIEWER, HASH, null, Set.of());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // end every other backend of this test's schema user: the store's connection dies
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    + "AND datname = current_database() AND usename = current_user");
        }
        assertThat(s.account("first")).isPresent();
        s.addAccount(ADMIN, "second", null, Role.VIEWER, HASH, null, Set.of());
        assertThat(s.accounts()).hasSize(2);
    }

    /** Two servers on one database: the second's insert of a login taken meanwhile is a refusal, not a crash. */
    @Test
    void aLoginTakenByAnotherServerIsRefusedAsBadInput() {
        try (PlatformStore other = PlatformStore.postgres(db.url())) {
            other.addAccount(ADMIN, "shared", null, Role.VIEWER, HASH, null, Set.of());
        }
        assertThatThrownBy(() -> s.addAccount(ADMIN, "SHARED", null, Role.VIEWER, HASH, null, Set.of()))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(s.accounts()).hasSize(1);
    }

    @Test
    void messagesNeverShowThePassword() {
        assertThatThrownBy(() -> PlatformStore.postgres("postgresql://klaster:s3cr3t-pw@127.0.0.1:1/none"))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw").contains("***"));
    }
}
