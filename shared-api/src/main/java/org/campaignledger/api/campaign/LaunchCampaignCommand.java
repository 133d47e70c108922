package org.campaignledger.api.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.training.ParticipantRole;

/**
 * Opens a campaign. The whole definition is data: the next campaign, in another province, with
 * another duration and other targets, is another launch.
 *
 * @param timeZone IANA zone in which business dates are reckoned, e.g. {@code Asia/Ho_Chi_Minh}
 * @param courses the course catalogue
 * @param requiredCourses per participant role, the courses that make that person "trained"
 */
public record LaunchCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        String name,
        String directive,
        LocalDate startDate,
        int durationDays,
        String timeZone,
        List<Target> targets,
        List<CourseCode> courses,
        Map<ParticipantRole, List<CourseCode>> requiredCourses,
        List<UnitDefinition> units) {
}
