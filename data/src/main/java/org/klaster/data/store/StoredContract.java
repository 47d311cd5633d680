package org.klaster.data.store;

import org.klaster.registry.Contract;

/** A cooperation contract as stored, with the id that names it for deletion and in the audit trail. */
public record StoredContract(String id, Contract contract) {
}
