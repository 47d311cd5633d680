package org.klaster.data.store;

import java.time.Instant;

/**
 * A signed-in session as stored: the SHA-256 hex of the session id (the raw id only ever lives in the
 * browser's cookie), its account, when it began and when it was last used.
 */
public record SessionRecord(String idHash, String accountId, Instant createdAt, Instant lastSeen) {
}
