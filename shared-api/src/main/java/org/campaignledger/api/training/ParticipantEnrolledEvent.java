package org.campaignledger.api.training;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;

/** A person of a unit was enrolled in the campaign's training in this role. */
@Revision("1")
public record ParticipantEnrolledEvent(
        ParticipantId participantId,
        CampaignId campaignId,
        UnitCode unitCode,
        ParticipantRole role,
        TeamId teamId,
        LocalDate occurredOn) implements CampaignFact {
}
