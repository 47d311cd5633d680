package org.klaster.data.store;

import org.klaster.registry.Offer;

/** A need or competence as stored, with the id that names it for editing, deleting and in the audit trail. */
public record StoredOffer(String id, Offer offer) {
}
