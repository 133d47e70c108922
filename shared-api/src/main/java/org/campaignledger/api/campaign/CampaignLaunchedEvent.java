package org.campaignledger.api.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;

/** A campaign was launched with this definition. Its business date is the start date. */
@Revision("1")
public record CampaignLaunchedEvent(
        CampaignId campaignId,
        String name,
        String directive,
        LocalDate startDate,
        int durationDays,
        String timeZone,
        List<Target> targets,
        List<CourseCode> courses,
        Map<ParticipantRole, List<CourseCode>> requiredCourses,
        List<UnitDefinition> units) implements CampaignFact {

    @Override
    public UnitCode unitCode() {
        return null;
    }

    @Override
    public LocalDate occurredOn() {
        return startDate;
    }

    /** The last day of the campaign: day {@code durationDays}, day 1 being the start date. */
    public LocalDate endDate() {
        return startDate.plusDays(durationDays - 1L);
    }
}
