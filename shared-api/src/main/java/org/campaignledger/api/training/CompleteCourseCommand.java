package org.campaignledger.api.training;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;

/**
 * Records that an enrolled participant completed a course of the campaign's catalogue.
 *
 * @param campaignId the campaign the sender believes the participant is enrolled in; checked
 */
public record CompleteCourseCommand(
        @TargetAggregateIdentifier ParticipantId participantId,
        CampaignId campaignId,
        CourseCode course,
        LocalDate occurredOn) {
}
