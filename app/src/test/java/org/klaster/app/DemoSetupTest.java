package org.klaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;

/** When {@code klaster serve} refreshes the demo: only an incomplete or older synthetic demo, never the user's data. */
class DemoSetupTest {

    private static final List<ActivityRecord> ROWS = List.of(ActivityRecord.of("RU-SAM", "29", 2024, 10));

    @Test
    void anOlderDemoIsOutdatedAndTheUsersOwnDataIsNot() {
        try (Store s = Store.inMemory()) {
            assertThat(DemoSetup.outdated(s)).isFalse(); // empty: serve creates the demo by the other rule
            s.saveActivity(Dataset.of("mine", DatasetKind.ACTIVITY, "my.csv", null, 1, null, false, null, null), ROWS, Map.of(), Map.of(), false);
            assertThat(DemoSetup.outdated(s)).isFalse();
            // what an earlier Klaster left: the demo activity alone (no demo-io, demo-trade, demo-exports)
            s.saveActivity(Dataset.of(DemoSetup.ACTIVITY, DatasetKind.ACTIVITY, "demo", null, 1, DemoEconomy.VERSION, true, null, null),
                    ROWS, Map.of(), Map.of(), false);
            assertThat(DemoSetup.outdated(s)).isTrue();
            assertThat(DemoSetup.installed(s)).isFalse();
        }
    }

    @Test
    void aUserDatasetCalledDemoIsNotMistakenForTheSyntheticOne() {
        try (Store s = Store.inMemory()) {
            s.saveActivity(Dataset.of(DemoSetup.ACTIVITY, DatasetKind.ACTIVITY, "mine.csv", null, 1, null, false, null, null),
                    ROWS, Map.of(), Map.of(), false);
            assertThat(DemoSetup.outdated(s)).isFalse();
        }
    }
}
