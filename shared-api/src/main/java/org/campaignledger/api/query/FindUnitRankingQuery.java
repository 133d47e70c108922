package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import org.campaignledger.api.campaign.CampaignId;

/** Units ranked by progress as of a business date (null: today, within the campaign) known at an instant. */
public record FindUnitRankingQuery(CampaignId campaignId, LocalDate asOf, Instant asKnownAt) {
}
