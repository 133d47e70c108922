package org.campaignledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ConnectivityUpgradedEvent;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.api.unit.ResidentialGroupAssessedEvent;
import org.campaignledger.api.unit.StudentVolunteersMobilisedEvent;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.TechRescueTeamFormedEvent;
import org.campaignledger.api.unit.TelecomEngineersDeployedEvent;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.api.unit.UnitFactCommand;
import org.campaignledger.command.campaign.CampaignRules;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.rules.VersionedAggregate;

/**
 * One commune or ward as it takes part in one campaign. It comes into being with its first fact;
 * every fact is checked against the campaign's rules (the unit belongs to it, the date lies in it).
 */
@Aggregate(cache = "aggregateCache")
public class AdministrativeUnit extends VersionedAggregate {

    @AggregateIdentifier
    private AdministrativeUnitId unitId;
    private final Map<OfficerId, Assignment> activeOfficers = new HashMap<>();
    private final Set<TeamId> teams = new HashSet<>();
    private final Set<PracticeId> practices = new HashSet<>();

    protected AdministrativeUnit() {
        // for Axon
    }

    @Override
    protected UnitCode unitOf(Object command) {
        return command instanceof UnitFactCommand fact ? fact.unitId().unitCode() : null;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AssignITOfficerCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        if (activeOfficers.containsKey(command.officerId())) {
            throw new RuleViolation(Rule.IT_OFFICER_ALREADY_ASSIGNED,
                    "IT officer " + command.officerId() + " is already assigned to unit " + command.unitId().unitCode()
                            + ".");
        }
        apply(new ITOfficerAssignedEvent(campaign(command.unitId()), code(command.unitId()), command.officerId(),
                command.employment(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReleaseITOfficerCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        Assignment assignment = activeOfficers.get(command.officerId());
        if (assignment == null) {
            throw new RuleViolation(Rule.IT_OFFICER_NOT_ASSIGNED,
                    "IT officer " + command.officerId() + " is not assigned to unit " + command.unitId().unitCode()
                            + ".");
        }
        if (command.occurredOn().isBefore(assignment.since())) {
            throw new RuleViolation(Rule.RELEASE_BEFORE_ASSIGNMENT, "IT officer " + command.officerId()
                    + " was assigned on " + assignment.since() + " and cannot be released on "
                    + command.occurredOn() + ".");
        }
        apply(new ITOfficerReleasedEvent(campaign(command.unitId()), code(command.unitId()), command.officerId(),
                assignment.employment(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FormCommunityDigitalTeamCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        checkNewTeam(command.teamId());
        apply(new CommunityDigitalTeamFormedEvent(campaign(command.unitId()), code(command.unitId()),
                command.teamId(), command.residentialGroup(), command.memberCount(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FormTechRescueTeamCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        checkNewTeam(command.teamId());
        apply(new TechRescueTeamFormedEvent(campaign(command.unitId()), code(command.unitId()), command.teamId(),
                command.memberCount(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConnectivityUpgradeCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        apply(new ConnectivityUpgradedEvent(campaign(command.unitId()), code(command.unitId()),
                command.servicePoint(), command.technology(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AssessResidentialGroupCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        apply(new ResidentialGroupAssessedEvent(campaign(command.unitId()), code(command.unitId()),
                command.residentialGroup(), command.needLevel(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(MobiliseStudentVolunteersCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new RuleViolation(Rule.VOLUNTEER_PERIOD_INVALID, "periodTo " + command.periodTo()
                    + " is before periodFrom " + command.periodFrom() + ".");
        }
        apply(new StudentVolunteersMobilisedEvent(campaign(command.unitId()), code(command.unitId()),
                command.institution(), command.count(), command.periodFrom(), command.periodTo(),
                command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeployTelecomEngineersCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        apply(new TelecomEngineersDeployedEvent(campaign(command.unitId()), code(command.unitId()),
                command.operator(), command.count(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(NominateModelPracticeCommand command, Campaigns campaigns) {
        check(command.unitId(), command.occurredOn(), campaigns);
        if (practices.contains(command.practiceId())) {
            throw new RuleViolation(Rule.MODEL_PRACTICE_ALREADY_NOMINATED,
                    "Model practice " + command.practiceId() + " was already nominated.");
        }
        apply(new ModelPracticeNominatedEvent(campaign(command.unitId()), code(command.unitId()),
                command.practiceId(), command.title(), command.description(), command.occurredOn()));
        return currentVersion();
    }

    @EventSourcingHandler
    void on(ITOfficerAssignedEvent event) {
        identify(event.campaignId(), event.unitCode());
        activeOfficers.put(event.officerId(), new Assignment(event.employment(), event.occurredOn()));
    }

    @EventSourcingHandler
    void on(ITOfficerReleasedEvent event) {
        identify(event.campaignId(), event.unitCode());
        activeOfficers.remove(event.officerId());
    }

    @EventSourcingHandler
    void on(CommunityDigitalTeamFormedEvent event) {
        identify(event.campaignId(), event.unitCode());
        teams.add(event.teamId());
    }

    @EventSourcingHandler
    void on(TechRescueTeamFormedEvent event) {
        identify(event.campaignId(), event.unitCode());
        teams.add(event.teamId());
    }

    @EventSourcingHandler
    void on(ConnectivityUpgradedEvent event) {
        identify(event.campaignId(), event.unitCode());
    }

    @EventSourcingHandler
    void on(ResidentialGroupAssessedEvent event) {
        identify(event.campaignId(), event.unitCode());
    }

    @EventSourcingHandler
    void on(StudentVolunteersMobilisedEvent event) {
        identify(event.campaignId(), event.unitCode());
    }

    @EventSourcingHandler
    void on(TelecomEngineersDeployedEvent event) {
        identify(event.campaignId(), event.unitCode());
    }

    @EventSourcingHandler
    void on(ModelPracticeNominatedEvent event) {
        identify(event.campaignId(), event.unitCode());
        practices.add(event.practiceId());
    }

    private static void check(AdministrativeUnitId unitId, LocalDate occurredOn, Campaigns campaigns) {
        CampaignRules rules = campaigns.rulesFor(unitId.campaignId());
        rules.checkUnit(unitId.unitCode());
        rules.checkFactDate(occurredOn);
    }

    private void checkNewTeam(TeamId teamId) {
        if (teams.contains(teamId)) {
            throw new RuleViolation(Rule.TEAM_ALREADY_FORMED, "Team " + teamId + " was already formed.");
        }
    }

    private void identify(CampaignId campaignId, UnitCode unitCode) {
        if (unitId == null) {
            unitId = new AdministrativeUnitId(campaignId, unitCode);
        }
    }

    private static CampaignId campaign(AdministrativeUnitId unitId) {
        return unitId.campaignId();
    }

    private static UnitCode code(AdministrativeUnitId unitId) {
        return unitId.unitCode();
    }

    private record Assignment(Employment employment, LocalDate since) {
    }
}
