package org.campaignledger.command.training;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.CourseCompletedEvent;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantEnrolledEvent;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.campaign.CampaignRules;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.rules.VersionedAggregate;

/** A person trained in a campaign: enrolled once in a unit and role, then completing courses, each once. */
@Aggregate(cache = "aggregateCache")
public class Participant extends VersionedAggregate {

    @AggregateIdentifier
    private ParticipantId participantId;
    private CampaignId campaignId;
    private UnitCode unitCode;
    private ParticipantRole role;
    private LocalDate enrolledOn;
    private final Map<CourseCode, LocalDate> completed = new HashMap<>();

    protected Participant() {
        // for Axon
    }

    @Override
    protected UnitCode unitOf(Object command) {
        return command instanceof EnrolParticipantCommand enrol ? enrol.unitCode() : unitCode;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EnrolParticipantCommand command, Campaigns campaigns) {
        if (participantId != null) {
            throw new RuleViolation(Rule.PARTICIPANT_ALREADY_ENROLLED, "Participant " + command.participantId()
                    + " is already enrolled (unit " + unitCode + ", role " + role + ").");
        }
        CampaignRules rules = campaigns.rulesFor(command.campaignId());
        rules.checkUnit(command.unitCode());
        rules.checkFactDate(command.occurredOn());
        apply(new ParticipantEnrolledEvent(command.participantId(), command.campaignId(), command.unitCode(),
                command.role(), command.teamId(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CompleteCourseCommand command, Campaigns campaigns) {
        if (participantId == null || !campaignId.equals(command.campaignId())) {
            throw new RuleViolation(Rule.PARTICIPANT_NOT_ENROLLED, "Participant " + command.participantId()
                    + " is not enrolled in campaign " + command.campaignId() + ".");
        }
        CampaignRules rules = campaigns.rulesFor(campaignId);
        rules.checkCourse(command.course());
        rules.checkFactDate(command.occurredOn());
        LocalDate earlier = completed.get(command.course());
        if (earlier != null) {
            throw new RuleViolation(Rule.COURSE_ALREADY_COMPLETED, "Participant " + participantId
                    + " already completed " + command.course() + " on " + earlier + ".",
                    java.util.Map.of("completedOn", earlier.toString()));
        }
        if (command.occurredOn().isBefore(enrolledOn)) {
            throw new RuleViolation(Rule.COMPLETION_BEFORE_ENROLMENT, "Participant " + participantId
                    + " was enrolled on " + enrolledOn + "; a completion on " + command.occurredOn()
                    + " comes before it.");
        }
        apply(new CourseCompletedEvent(participantId, campaignId, unitCode, role, command.course(),
                command.occurredOn()));
        return currentVersion();
    }

    @EventSourcingHandler
    void on(ParticipantEnrolledEvent event) {
        participantId = event.participantId();
        campaignId = event.campaignId();
        unitCode = event.unitCode();
        role = event.role();
        enrolledOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(CourseCompletedEvent event) {
        completed.put(event.course(), event.occurredOn());
    }
}
