package org.campaignledger.api.training;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;

/**
 * Enrols a person of a unit in the campaign's training.
 *
 * @param teamId the community digital team a {@code TEAM_MEMBER} belongs to; {@code null} otherwise
 */
public record EnrolParticipantCommand(
        @TargetAggregateIdentifier ParticipantId participantId,
        CampaignId campaignId,
        UnitCode unitCode,
        ParticipantRole role,
        TeamId teamId,
        LocalDate occurredOn) {
}
