package org.campaignledger.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.rules.VersionedAggregate;

/** A campaign: launched once with its whole definition, closed once. */
@Aggregate(cache = "aggregateCache")
public class Campaign extends VersionedAggregate {

    @AggregateIdentifier
    private CampaignId campaignId;
    private LocalDate startDate;
    private boolean closed;

    protected Campaign() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(LaunchCampaignCommand command) {
        if (campaignId != null) {
            throw new RuleViolation(Rule.CAMPAIGN_ALREADY_LAUNCHED,
                    "Campaign " + command.campaignId() + " was already launched.");
        }
        checkDefinition(command);
        apply(new CampaignLaunchedEvent(command.campaignId(), command.name(), command.directive(),
                command.startDate(), command.durationDays(), command.timeZone(), List.copyOf(command.targets()),
                List.copyOf(command.courses()), command.requiredCourses(), List.copyOf(command.units())));
        return currentVersion();
    }

    @CommandHandler
    public long handle(CloseCampaignCommand command, Campaigns campaigns) {
        if (closed) {
            throw new RuleViolation(Rule.CAMPAIGN_ALREADY_CLOSED, "Campaign " + campaignId + " is already closed.");
        }
        if (command.occurredOn().isBefore(startDate)) {
            throw new RuleViolation(Rule.DATE_BEFORE_CAMPAIGN_START,
                    "occurredOn " + command.occurredOn() + " is before the campaign's start on " + startDate + ".");
        }
        campaigns.rulesFor(campaignId).checkNotInFuture(command.occurredOn());
        apply(new CampaignClosedEvent(campaignId, command.occurredOn()));
        return currentVersion();
    }

    @EventSourcingHandler
    void on(CampaignLaunchedEvent event) {
        campaignId = event.campaignId();
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(CampaignClosedEvent event) {
        closed = true;
    }

    /** Rules a definition must meet beyond field validation: they relate fields to each other. */
    private static void checkDefinition(LaunchCampaignCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.durationDays() < 1 || command.durationDays() > 366) {
            problems.add("durationDays must be between 1 and 366");
        }
        try {
            ZoneId.of(command.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            problems.add("timeZone '" + command.timeZone() + "' is not an IANA time zone");
        }
        Set<UnitCode> codes = new HashSet<>();
        for (UnitDefinition unit : command.units()) {
            if (!codes.add(unit.code())) {
                problems.add("unit " + unit.code() + " is listed twice");
            }
        }
        if (codes.isEmpty()) {
            problems.add("a campaign needs at least one unit");
        }
        Set<CourseCode> courses = new HashSet<>(command.courses());
        if (courses.size() != command.courses().size()) {
            problems.add("a course is listed twice in courses");
        }
        command.requiredCourses().forEach((role, required) -> required.stream()
                .filter(course -> !courses.contains(course))
                .forEach(course -> problems.add("required course " + course + " of role " + role
                        + " is not in courses")));
        Set<TargetMetric> metrics = new HashSet<>();
        for (Target target : command.targets()) {
            if (!metrics.add(target.metric())) {
                problems.add("target " + target.metric() + " is set twice");
            }
            if (target.goal().signum() <= 0) {
                problems.add("goal of " + target.metric() + " must be positive");
            }
            if (target.metric().goalKind() == TargetMetric.GoalKind.PERCENT
                    && target.goal().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add("goal of " + target.metric() + " is a percentage and cannot exceed 100");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(Rule.INVALID_CAMPAIGN_DEFINITION, String.join("; ", problems) + ".");
        }
    }
}
