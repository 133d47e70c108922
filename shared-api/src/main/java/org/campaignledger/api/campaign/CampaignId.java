package org.campaignledger.api.campaign;

import org.campaignledger.api.common.Identifier;

/** Identifies a campaign, e.g. {@code hanoi-2025}. */
public record CampaignId(String value) implements Identifier {

    public CampaignId {
        Identifier.requireValid(value, "campaign id");
    }

    @Override
    public String toString() {
        return value;
    }
}
