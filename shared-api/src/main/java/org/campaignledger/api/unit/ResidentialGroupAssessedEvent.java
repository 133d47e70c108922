package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** A residential group's need for support was assessed. */
@Revision("1")
public record ResidentialGroupAssessedEvent(CampaignId campaignId, UnitCode unitCode, String residentialGroup, NeedLevel needLevel, LocalDate occurredOn) implements CampaignFact {
}
