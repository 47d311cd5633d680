package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.klaster.app.analysis.Reference;
import org.klaster.data.store.Store;

/**
 * Issue 10, probe 6 (serialised slow path): 50 requests for the same region each ran the establishments
 * query, one after another under the workbench's lock, and an input asked for by many requests at once was
 * loaded by each. Now one computes and the others wait for that one result ({@link Memo}), while other keys
 * go on. Before: the workbench memo computed once per asking thread (32 runs here) and held a global lock.
 * The bounds on waits only keep a broken build from hanging; nothing here measures time.
 */
@Tag("load")
class MemoTest {

    @Test
    void manyAskingAtOnceComputeOnce() throws Exception {
        try (Store store = Store.inMemory()) {
            Workbench wb = new Workbench(store, Reference.regions());
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(33);
            try {
                List<Future<String>> all = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    all.add(pool.submit(() -> wb.memo(List.of("establishments", "f", "RU-SAM", 2024), () -> {
                        runs.incrementAndGet();
                        try {
                            release.await(); // still computing while the others ask
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return "rows";
                    })));
                }
                // another key is not held up by the one being computed
                assertThat(pool.submit(() -> wb.memo("other", () -> "free")).get(60, TimeUnit.SECONDS)).isEqualTo("free");
                release.countDown();
                for (Future<String> f : all) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo("rows");
                assertThat(runs.get()).isEqualTo(1);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFailureIsNotKept() {
        Memo m = new Memo(10);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> m.get("k", () -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
        assertThat(m.<String>get("k", () -> {
            runs.incrementAndGet();
            return "ok";
        })).isEqualTo("ok");
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void boundedInEntries() {
        Memo m = new Memo(50);
        for (int i = 0; i < 1000; i++) m.get(i, () -> "v");
        java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
        assertThat(m.size()).isLessThanOrEqualTo(60);
    }
}
