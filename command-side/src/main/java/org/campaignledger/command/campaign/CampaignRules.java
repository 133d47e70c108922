package org.campaignledger.command.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;

/**
 * What a campaign's definition allows: which units, which courses, which business dates. Every
 * command of the campaign is checked against it before it becomes an event.
 */
public final class CampaignRules {

    private final CampaignId campaignId;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final ZoneId zone;
    private final Set<UnitCode> units;
    private final Set<CourseCode> courses;
    private final Map<ParticipantRole, List<CourseCode>> requiredCourses;
    private final LocalDate closedOn;
    private final Clock clock;

    /** The rules of a launched campaign, closed on {@code closedOn} or still running if it is null. */
    public static CampaignRules of(CampaignLaunchedEvent launched, LocalDate closedOn, Clock clock) {
        return new CampaignRules(launched, closedOn, clock);
    }

    CampaignRules(CampaignLaunchedEvent launched, LocalDate closedOn, Clock clock) {
        this.campaignId = launched.campaignId();
        this.startDate = launched.startDate();
        this.endDate = launched.endDate();
        this.zone = ZoneId.of(launched.timeZone());
        this.units = Set.copyOf(launched.units().stream().map(UnitDefinition::code).toList());
        this.courses = Set.copyOf(launched.courses());
        this.requiredCourses = Map.copyOf(launched.requiredCourses());
        this.closedOn = closedOn;
        this.clock = clock;
    }

    public CampaignId campaignId() {
        return campaignId;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public Map<ParticipantRole, List<CourseCode>> requiredCourses() {
        return requiredCourses;
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    CampaignRules closedOn(LocalDate date) {
        return new CampaignRules(this, date);
    }

    private CampaignRules(CampaignRules rules, LocalDate closedOn) {
        this.campaignId = rules.campaignId;
        this.startDate = rules.startDate;
        this.endDate = rules.endDate;
        this.zone = rules.zone;
        this.units = rules.units;
        this.courses = rules.courses;
        this.requiredCourses = rules.requiredCourses;
        this.closedOn = closedOn;
        this.clock = rules.clock;
    }

    /** Today in the campaign's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A new fact's business date must lie within the campaign, not after today, not after closing. */
    public void checkFactDate(LocalDate occurredOn) {
        if (occurredOn.isBefore(startDate)) {
            throw new RuleViolation(Rule.DATE_BEFORE_CAMPAIGN_START,
                    "occurredOn " + occurredOn + " is before the campaign's start on " + startDate + ".");
        }
        if (occurredOn.isAfter(endDate)) {
            throw new RuleViolation(Rule.DATE_AFTER_CAMPAIGN_END,
                    "occurredOn " + occurredOn + " is after the campaign's last day, " + endDate + ".");
        }
        checkNotInFuture(occurredOn);
        if (closedOn != null && occurredOn.isAfter(closedOn)) {
            throw new RuleViolation(Rule.DATE_AFTER_CAMPAIGN_CLOSED,
                    "occurredOn " + occurredOn + " is after the campaign was closed on " + closedOn + ".");
        }
    }

    public void checkNotInFuture(LocalDate occurredOn) {
        LocalDate today = today();
        if (occurredOn.isAfter(today)) {
            throw new RuleViolation(Rule.DATE_IN_FUTURE,
                    "occurredOn " + occurredOn + " is in the future: today is " + today + " in " + zone + ".");
        }
    }

    public void checkUnit(UnitCode unitCode) {
        if (!units.contains(unitCode)) {
            throw new RuleViolation(Rule.UNIT_NOT_IN_CAMPAIGN,
                    "Unit " + unitCode + " is not part of campaign " + campaignId + ".");
        }
    }

    public void checkCourse(CourseCode course) {
        if (!courses.contains(course)) {
            throw new RuleViolation(Rule.COURSE_NOT_IN_CAMPAIGN,
                    "Course " + course + " is not in the catalogue of campaign " + campaignId + ": " + courses.stream()
                            .map(CourseCode::value).sorted().toList() + ".");
        }
    }
}
