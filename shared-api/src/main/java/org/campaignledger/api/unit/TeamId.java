package org.campaignledger.api.unit;

import org.campaignledger.api.common.Identifier;

/** Identifies a community digital team or a technology rescue team within its unit. */
public record TeamId(String value) implements Identifier {

    public TeamId {
        Identifier.requireValid(value, "team id");
    }

    @Override
    public String toString() {
        return value;
    }
}
