package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** The unit formed a technology rescue team. */
@Revision("1")
public record TechRescueTeamFormedEvent(CampaignId campaignId, UnitCode unitCode, TeamId teamId, int memberCount, LocalDate occurredOn) implements CampaignFact {
}
