package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** PostgreSQL addresses as the command line takes them, and the password never in a message; roles; actors. */
class PlatformStoreAddressTest {

    @Test
    void theLibpqFormIsSplitForTheDriver() {
        PlatformStore.PgAddress a = PlatformStore.PgAddress.parse("postgresql://kl:p%40ss@db.example:5433/klaster?sslmode=require");
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/klaster?sslmode=require");
        assertThat(a.user()).isEqualTo("kl");
        assertThat(a.password()).isEqualTo("p@ss");
        assertThat(a.masked()).isEqualTo("postgresql://kl:***@db.example:5433/klaster?sslmode=require");
        PlatformStore.PgAddress b = PlatformStore.PgAddress.parse("postgres://localhost/k");
        assertThat(b.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/k");
        assertThat(b.user()).isNull();
        assertThat(b.password()).isNull();
    }

    @Test
    void theJdbcFormKeepsItsParametersAndMasksThePassword() {
        PlatformStore.PgAddress a = PlatformStore.PgAddress.parse("jdbc:postgresql://h:5432/db?user=u&password=top%26secret&currentSchema=s");
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=top%26secret&currentSchema=s");
        assertThat(a.user()).isEqualTo("u");
        assertThat(a.password()).isEqualTo("top&secret");
        assertThat(a.masked()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&currentSchema=s");
    }

    @Test
    void otherAddressesAreRefusedWithoutShowingThePassword() {
        assertThat(PlatformStore.isPostgresUrl("postgresql://h/db")).isTrue();
        assertThat(PlatformStore.isPostgresUrl("jdbc:postgresql://h/db")).isTrue();
        assertThat(PlatformStore.isPostgresUrl("/home/me/.klaster/klaster.duckdb")).isFalse();
        assertThat(PlatformStore.isPostgresUrl("mysql://u:pw@h/db")).isFalse();
        assertThatThrownBy(() -> PlatformStore.PgAddress.parse("mysql://u:hunter22@h/db"))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a PostgreSQL address")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
        assertThatThrownBy(() -> PlatformStore.PgAddress.parse("postgresql:///db"))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a PostgreSQL address");
        assertThatThrownBy(() -> PlatformStore.PgAddress.parse("postgresql://u:hunter22@h:port/db"))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
    }

    @Test
    void rolesReadTheirLabels() {
        assertThat(Role.CLUSTER_MANAGER.label()).isEqualTo("cluster_manager");
        assertThat(Role.of("cluster-manager")).contains(Role.CLUSTER_MANAGER);
        assertThat(Role.of(" Viewer ")).contains(Role.VIEWER);
        assertThat(Role.of("root")).isEmpty();
        assertThat(Role.of(null)).isEmpty();
        for (Role r : Role.values()) assertThat(Role.of(r.label())).contains(r);
    }

    @Test
    void theCommandLineActsAsTheMachinesUser() {
        Actor a = Actor.cli();
        assertThat(a.accountId()).isNull();
        assertThat(a.name()).isEqualTo("cli:" + System.getProperty("user.name"));
    }
}
