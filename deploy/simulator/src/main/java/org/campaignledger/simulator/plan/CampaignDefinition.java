package org.campaignledger.simulator.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.training.ParticipantRole;

/**
 * The parts of a campaign's definition a simulation needs. Taken from a {@link LaunchCampaignCommand},
 * so the simulator runs any campaign, not only Hanoi's.
 *
 * @param requiredCourses kept in an {@link EnumMap} so that iterating it is the same on every run
 */
public record CampaignDefinition(
        CampaignId campaignId,
        LocalDate startDate,
        int durationDays,
        List<UnitDefinition> units,
        List<CourseCode> courses,
        Map<ParticipantRole, List<CourseCode>> requiredCourses) {

    public CampaignDefinition {
        if (durationDays < 1) {
            throw new IllegalArgumentException("durationDays must be at least 1: " + durationDays);
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one unit");
        }
        units = List.copyOf(units);
        courses = List.copyOf(courses);
        Map<ParticipantRole, List<CourseCode>> required = new EnumMap<>(ParticipantRole.class);
        requiredCourses.forEach((role, list) -> required.put(role, List.copyOf(list)));
        requiredCourses = java.util.Collections.unmodifiableMap(required);
    }

    public static CampaignDefinition of(LaunchCampaignCommand launch) {
        return new CampaignDefinition(launch.campaignId(), launch.startDate(), launch.durationDays(),
                launch.units(), launch.courses(), launch.requiredCourses());
    }

    /** The campaign's last day: day {@code durationDays}, day 1 being the start date. */
    public LocalDate endDate() {
        return startDate.plusDays(durationDays - 1L);
    }

    /** The date of a 0-based day offset: 0 is the start date. */
    public LocalDate date(int dayOffset) {
        return startDate.plusDays(dayOffset);
    }

    public boolean isWeekend(int dayOffset) {
        DayOfWeek day = date(dayOffset).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    public List<CourseCode> requiredFor(ParticipantRole role) {
        return requiredCourses.getOrDefault(role, List.of());
    }
}
