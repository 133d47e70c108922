package org.campaignledger.api.unit;

import org.campaignledger.api.common.Identifier;

/** Identifies an IT officer (an opaque id: names live outside the event log). */
public record OfficerId(String value) implements Identifier {

    public OfficerId {
        Identifier.requireValid(value, "officer id");
    }

    @Override
    public String toString() {
        return value;
    }
}
