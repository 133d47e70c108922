package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** A practice of the unit was nominated as a model. */
@Revision("1")
public record ModelPracticeNominatedEvent(CampaignId campaignId, UnitCode unitCode, PracticeId practiceId, String title, String description, LocalDate occurredOn) implements CampaignFact {
}
