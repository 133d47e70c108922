package org.campaignledger.api.unit;

import org.campaignledger.api.campaign.CampaignId;

/** A unit as it takes part in one campaign: the identity of the AdministrativeUnit aggregate. */
public record AdministrativeUnitId(CampaignId campaignId, UnitCode unitCode) {

    public AdministrativeUnitId {
        if (campaignId == null || unitCode == null) {
            throw new IllegalArgumentException("campaign id and unit code are both required");
        }
    }

    @Override
    public String toString() {
        return campaignId.value() + "/" + unitCode.value();
    }
}
