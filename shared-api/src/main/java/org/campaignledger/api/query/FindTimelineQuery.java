package org.campaignledger.api.query;

import java.time.Instant;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** One row per campaign day, city-wide ({@code unitCode} null) or for one unit, as known at an instant (null: now). */
public record FindTimelineQuery(CampaignId campaignId, UnitCode unitCode, Instant asKnownAt) {
}
