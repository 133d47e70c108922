package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** A village or residential group has its community digital team. */
@Revision("1")
public record CommunityDigitalTeamFormedEvent(CampaignId campaignId, UnitCode unitCode, TeamId teamId, String residentialGroup, int memberCount, LocalDate occurredOn) implements CampaignFact {
}
