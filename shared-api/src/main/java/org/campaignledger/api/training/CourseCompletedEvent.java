package org.campaignledger.api.training;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.UnitCode;

/** A participant completed a course. Carries the unit and role so projections need no lookup. */
@Revision("1")
public record CourseCompletedEvent(
        ParticipantId participantId,
        CampaignId campaignId,
        UnitCode unitCode,
        ParticipantRole role,
        CourseCode course,
        LocalDate occurredOn) implements CampaignFact {
}
