package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** IT students were mobilised to the unit for a period. */
@Revision("1")
public record StudentVolunteersMobilisedEvent(
        CampaignId campaignId,
        UnitCode unitCode,
        String institution,
        int count,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate occurredOn) implements CampaignFact {
}
