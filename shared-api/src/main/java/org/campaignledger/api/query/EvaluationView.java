package org.campaignledger.api.query;

import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;

/** Per participant of a unit, which of the courses their role requires are done, and when (R9). */
public record EvaluationView(CampaignId campaignId, UnitCode unitCode, List<Participant> participants) {

    /**
     * @param name the participant's name from the personal-data store; null if none was recorded or it was erased
     * @param nameErased whether the participant was forgotten (shown as "erased" where the name would show)
     */
    public record Participant(ParticipantId participantId, ParticipantRole role, TeamId teamId, LocalDate enrolledOn,
                              boolean trained, LocalDate trainedOn, List<Completion> done, List<CourseCode> missing,
                              String name, boolean nameErased) {
    }

    public record Completion(CourseCode course, LocalDate completedOn) {
    }
}
