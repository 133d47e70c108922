package org.campaignledger.api.people;

import org.campaignledger.api.common.Identifier;

/** A person across the ledger: their kind and their opaque id (a participant id or an officer id). */
public record PersonId(PersonKind kind, String id) {

    public PersonId {
        if (kind == null) {
            throw new IllegalArgumentException("person kind is required");
        }
        Identifier.requireValid(id, "person id");
    }

    /** The identity of the Person aggregate, e.g. {@code participants:p-1}. */
    @Override
    public String toString() {
        return kind.pathSegment() + ":" + id;
    }
}
