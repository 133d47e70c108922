package org.campaignledger.api.training;

import org.campaignledger.api.common.Identifier;

/** Identifies a person who is trained. Opaque: names and contact details live outside the event log. */
public record ParticipantId(String value) implements Identifier {

    public ParticipantId {
        Identifier.requireValid(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
