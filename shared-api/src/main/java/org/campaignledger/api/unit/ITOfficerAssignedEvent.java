package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** An IT officer became responsible for the unit. */
@Revision("1")
public record ITOfficerAssignedEvent(CampaignId campaignId, UnitCode unitCode, OfficerId officerId, Employment employment, LocalDate occurredOn) implements CampaignFact {
}
