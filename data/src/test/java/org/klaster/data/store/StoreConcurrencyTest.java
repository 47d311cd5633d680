package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;

/**
 * Issue 10, probe 6 (serialised slow path), the store's part: reads run on read connections of their own,
 * concurrently with each other and with a write transaction, and never see a dataset half written. Before
 * the read connections, every read shared the writer's connection: a read during an upload saw the
 * upload's uncommitted dataset (and the web serialised all reads behind one lock to stay safe).
 * The bounds on {@code get} only keep a broken build from hanging; nothing here measures time.
 */
@Tag("load")
class StoreConcurrencyTest {

    @TempDir
    Path dir;

    private static final List<ActivityRecord> ROWS = List.of(ActivityRecord.of("RU-SAM", "29", 2023, 1200),
            ActivityRecord.of("RU-MOW", "62", 2023, 800));

    @Test
    void readsDuringAnOpenWriteSeeTheLastCommitOnlyAndDoNotWait() throws Exception {
        try (Store s = Store.open(dir.resolve("k.duckdb"))) {
            s.saveActivity(Dataset.of("a", DatasetKind.ACTIVITY, "a.csv", null, 2, null, false, null, null), ROWS, null, null, false);
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> upload = pool.submit(() -> s.saveFirms(Dataset.of("f", DatasetKind.FIRMS, "f.csv", null, 1, null, false,
                        null, null), w -> {
                    w.firm("1", "RU-SAM", "29.10", 2024, 10, 53.2, 50.1);
                    writing.countDown();
                    finish.await(); // the transaction stays open while the readers run
                }, null, null, false));
                assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
                // two readers at once, both inside their query while the write is still open
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<String>>> readers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    readers.add(pool.submit(() -> s.query("SELECT id FROM datasets ORDER BY id", List.of(), rs -> {
                        List<String> ids = new ArrayList<>();
                        while (rs.next()) ids.add(rs.getString(1));
                        try {
                            together.await(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("the other reader did not run at the same time", e);
                        }
                        return ids;
                    })));
                }
                for (Future<List<String>> r : readers) assertThat(r.get(60, TimeUnit.SECONDS)).containsExactly("a");
                assertThat(s.datasets()).extracting(Dataset::id).containsExactly("a");
                assertThat(s.activity("a")).hasSize(2);
                finish.countDown();
                upload.get(60, TimeUnit.SECONDS);
                assertThat(s.datasets()).extracting(Dataset::id).containsExactly("a", "f");
            } finally {
                finish.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void manyConcurrentReadersGetTheSameRows() throws Exception {
        try (Store s = Store.inMemory()) {
            s.saveActivity(Dataset.of("a", DatasetKind.ACTIVITY, "a.csv", null, 2, null, false, null, null), ROWS, null, null, false);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<List<ActivityRecord>>> all = new ArrayList<>();
                for (int i = 0; i < 200; i++) all.add(pool.submit(() -> s.activity("a")));
                for (Future<List<ActivityRecord>> f : all) assertThat(f.get(60, TimeUnit.SECONDS)).hasSize(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
