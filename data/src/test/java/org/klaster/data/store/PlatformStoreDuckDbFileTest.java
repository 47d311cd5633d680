package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The platform store contract on a DuckDB file shared with the datasets ({@link PlatformStore#on}). */
class PlatformStoreDuckDbFileTest extends PlatformStoreContract {

    private Store store;

    @Override
    PlatformStore open() {
        store = Store.open(dir.resolve("klaster.duckdb"));
        return PlatformStore.on(store);
    }

    @Override
    void dispose() {
        if (store != null) store.close();
    }

    @Test
    void platformTablesLiveBesideTheDatasetsAndSurviveReopening() {
        Account a = s.addAccount(ADMIN, "keeper", null, Role.ADMINISTRATOR, HASH, null, Set.of());
        assertThat(store.datasets()).isEmpty();
        s.close();
        store.close();
        store = Store.open(dir.resolve("klaster.duckdb"));
        s = PlatformStore.on(store);
        assertThat(s.schemaVersion()).isEqualTo(PlatformStore.MIGRATIONS.size());
        assertThat(s.account("KEEPER")).contains(a);
        assertThat(store.schemaVersion()).isEqualTo(Store.MIGRATIONS.size());
    }
}
