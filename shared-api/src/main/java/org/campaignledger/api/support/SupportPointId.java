package org.campaignledger.api.support;

import org.campaignledger.api.common.Identifier;

/** Identifies a mobile support point. */
public record SupportPointId(String value) implements Identifier {

    public SupportPointId {
        Identifier.requireValid(value, "support point id");
    }

    @Override
    public String toString() {
        return value;
    }
}
