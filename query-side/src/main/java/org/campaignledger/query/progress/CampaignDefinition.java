package org.campaignledger.query.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;

/** A launched campaign as the progress projection and its queries need it. Immutable once launched. */
record CampaignDefinition(CampaignLaunchedEvent launched) {

    String id() {
        return launched.campaignId().value();
    }

    LocalDate startDate() {
        return launched.startDate();
    }

    int durationDays() {
        return launched.durationDays();
    }

    LocalDate endDate() {
        return launched.endDate();
    }

    /** Day 1 is the start date; facts before it count from day 1 on, facts after the end never show. */
    int dayOf(LocalDate date) {
        long day = ChronoUnit.DAYS.between(startDate(), date) + 1;
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, day));
    }

    LocalDate dateOf(int day) {
        return startDate().plusDays(day - 1L);
    }

    List<CourseCode> requiredCourses(ParticipantRole role) {
        List<CourseCode> courses = launched.requiredCourses() == null ? null : launched.requiredCourses().get(role);
        return courses == null ? List.of() : courses;
    }

    List<UnitDefinition> units() {
        return launched.units();
    }

    boolean hasUnit(UnitCode code) {
        return launched.units().stream().anyMatch(unit -> unit.code().equals(code));
    }
}
