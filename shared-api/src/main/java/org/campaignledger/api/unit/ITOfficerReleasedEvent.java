package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** An IT officer is no longer assigned to the unit. */
@Revision("1")
public record ITOfficerReleasedEvent(CampaignId campaignId, UnitCode unitCode, OfficerId officerId, Employment employment, LocalDate occurredOn) implements CampaignFact {
}
