package org.klaster.data.store;

import java.time.Instant;

/**
 * A saved version of the compliance rules.
 *
 * @param version   "1", "2", … in order of saving
 * @param createdBy the actor's name
 * @param rules     how many rows it has
 */
public record RuleVersion(String version, String note, String createdBy, Instant createdAt, int rules) {
}
