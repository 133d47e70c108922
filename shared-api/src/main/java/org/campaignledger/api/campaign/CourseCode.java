package org.campaignledger.api.campaign;

import org.campaignledger.api.common.Identifier;

/** A course of the campaign's catalogue, e.g. {@code ONETOUCH_DIGITAL_SKILLS}. Campaign data, not an enum. */
public record CourseCode(String value) implements Identifier {

    public CourseCode {
        Identifier.requireValid(value, "course code");
    }

    @Override
    public String toString() {
        return value;
    }
}
