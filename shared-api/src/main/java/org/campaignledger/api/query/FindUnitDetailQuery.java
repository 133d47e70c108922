package org.campaignledger.api.query;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** One unit as known now: its metrics today, IT officers, teams, support points and model practices. */
public record FindUnitDetailQuery(CampaignId campaignId, UnitCode unitCode) {
}
