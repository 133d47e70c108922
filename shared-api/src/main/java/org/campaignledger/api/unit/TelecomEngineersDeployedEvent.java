package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** Telecom engineers were deployed to the unit. */
@Revision("1")
public record TelecomEngineersDeployedEvent(CampaignId campaignId, UnitCode unitCode, String operator, int count, LocalDate occurredOn) implements CampaignFact {
}
