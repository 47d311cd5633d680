package org.klaster.data.store;

import java.time.Instant;

/**
 * One entry of the append-only audit trail: who did what to which row, and the row before and after.
 *
 * @param seq    increasing with time of writing
 * @param actor  the actor's name ({@link Actor#name()})
 * @param action {@code create}, {@code update}, {@code delete}, {@code import}, {@code revoke}, {@code disable},
 *               {@code enable} or {@code password}
 * @param entity {@code account}, {@code token}, {@code setting}, {@code organisation}, {@code cluster},
 *               {@code membership}, {@code contract}, {@code facts} or {@code rules}
 * @param before the row's fields as a JSON object before the change, null when it did not exist
 * @param after  the row's fields as a JSON object after the change, null when it was removed
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String entity, String entityId,
                         String before, String after) {
}
