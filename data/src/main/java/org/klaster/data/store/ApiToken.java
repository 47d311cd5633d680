package org.klaster.data.store;

import java.time.Instant;

/**
 * An API token of an account as listed (its hash is never read back).
 *
 * @param revokedAt when it was revoked, null while it is live
 * @param lastUsed  when it last authenticated a request, or null
 */
public record ApiToken(String id, String accountId, String name, Instant createdAt, Instant revokedAt,
                       Instant lastUsed) {

    /** Whether it still authenticates (its account must be enabled too). */
    public boolean live() {
        return revokedAt == null;
    }
}
