package org.campaignledger.command.training;

import java.time.LocalDate;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.ParticipantId;

/** One readable row of a course-completion file, with the line it came from. */
record CompletionRow(long line, ParticipantId participantId, CourseCode course, LocalDate completedOn) {
}
