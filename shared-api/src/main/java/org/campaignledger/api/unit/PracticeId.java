package org.campaignledger.api.unit;

import org.campaignledger.api.common.Identifier;

/** Identifies a nominated model practice. */
public record PracticeId(String value) implements Identifier {

    public PracticeId {
        Identifier.requireValid(value, "practice id");
    }

    @Override
    public String toString() {
        return value;
    }
}
