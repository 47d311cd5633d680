package org.klaster.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Values computed once per key, however many requests ask at the same time: the first computes (on its
 * own thread, holding no lock), the others wait for that one result — never for a global lock, and never
 * for another key. A failure is not kept: every waiter gets it, the next request computes again. At most
 * {@code maxEntries} are kept, the least useful evicted first (Caffeine's W-TinyLFU), instead of the whole
 * memo being dropped when full.
 */
final class Memo {

    private final Cache<Object, CompletableFuture<Object>> cache;

    Memo(long maxEntries) {
        cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = cache.asMap().putIfAbsent(key, mine);
        if (running == null) {
            try {
                T t = compute.get();
                mine.complete(t);
                return t;
            } catch (RuntimeException | Error e) {
                cache.asMap().remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) running.join();
        } catch (CompletionException e) {
            // the computing request's own exception (a refusal, an impossible analysis), as it threw it
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /** Drops everything (the data changed); computations under way finish for their own waiters only. */
    void clear() {
        cache.invalidateAll();
    }

    long size() {
        return cache.estimatedSize();
    }
}
