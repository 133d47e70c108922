package org.campaignledger.api.unit;

import org.campaignledger.api.common.Identifier;

/** The official code of a commune or ward, e.g. {@code 00004} (Phường Ba Đình). */
public record UnitCode(String value) implements Identifier {

    public UnitCode {
        Identifier.requireValid(value, "unit code");
    }

    @Override
    public String toString() {
        return value;
    }
}
