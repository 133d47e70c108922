package org.campaignledger.api.query;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** The R9 report of one unit: per participant, the required courses done and missing. Personal data. */
public record FindEvaluationQuery(CampaignId campaignId, UnitCode unitCode) {
}
