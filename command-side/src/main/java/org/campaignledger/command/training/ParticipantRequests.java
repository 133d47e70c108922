package org.campaignledger.command.training;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;

/** The bodies of the participant endpoints. */
final class ParticipantRequests {

    private ParticipantRequests() {
    }

    /**
     * @param participantId an opaque id chosen by the unit or the course platform (e.g. a UUID or the
     *                      platform's learner id); never a national id number or a name
     */
    record Enrol(@NotNull ParticipantId participantId, @NotNull UnitCode unitCode, @NotNull ParticipantRole role,
                 TeamId teamId, @NotNull LocalDate occurredOn) {
    }

    record CompleteCourse(@NotNull CourseCode course, @NotNull LocalDate occurredOn) {
    }
}
