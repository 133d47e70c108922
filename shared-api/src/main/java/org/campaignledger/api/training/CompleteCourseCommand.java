package org.campaignledger.api.training;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CourseCode;

/** Records that an enrolled participant completed a course of the campaign's catalogue. */
public record CompleteCourseCommand(
        @TargetAggregateIdentifier ParticipantId participantId, CourseCode course, LocalDate occurredOn) {
}
