package org.campaignledger.simulator.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;

/**
 * The platform's rules as DOMAIN.md states them, replayed over a plan in order: predicts, for each
 * command, acceptance or the problem type of its rejection. A plan is consistent when every
 * prediction equals what the plan expects.
 */
final class LedgerRules {

    private final CampaignDefinition definition;
    private final Set<String> units = new HashSet<>();
    private final Map<String, LocalDate> enrolled = new HashMap<>();
    private final Set<String> completed = new HashSet<>();
    private final Map<String, LocalDate> opened = new HashMap<>();
    private final Map<String, LocalDate> closed = new HashMap<>();
    private final Map<String, LocalDate> activeOfficers = new HashMap<>();
    private final Set<String> teams = new HashSet<>();
    private final Set<String> practices = new HashSet<>();

    LedgerRules(CampaignDefinition definition) {
        this.definition = definition;
        definition.units().stream().map(UnitDefinition::code).forEach(code -> units.add(code.value()));
    }

    /** The problem type the platform answers with, or null when it accepts (and records) the command. */
    String apply(Object command) {
        if (command instanceof EnrolParticipantCommand c) {
            String id = c.participantId().value();
            if (enrolled.containsKey(id)) {
                return "participant-already-enrolled";
            }
            String problem = unitAndDate(c.unitCode().value(), c.occurredOn());
            if (problem == null) {
                enrolled.put(id, c.occurredOn());
            }
            return problem;
        }
        if (command instanceof CompleteCourseCommand c) {
            String id = c.participantId().value();
            if (!enrolled.containsKey(id)) {
                return "participant-not-enrolled";
            }
            if (!definition.courses().contains(c.course())) {
                return "course-not-in-campaign";
            }
            String problem = date(c.occurredOn());
            if (problem != null) {
                return problem;
            }
            if (!completed.add(id + "/" + c.course().value())) {
                return "course-already-completed";
            }
            if (c.occurredOn().isBefore(enrolled.get(id))) {
                completed.remove(id + "/" + c.course().value());
                return "completion-before-enrolment";
            }
            return null;
        }
        if (command instanceof OpenSupportPointCommand c) {
            if (opened.containsKey(c.pointId().value())) {
                return "support-point-already-opened";
            }
            String problem = unitAndDate(c.unitCode().value(), c.occurredOn());
            if (problem == null) {
                opened.put(c.pointId().value(), c.occurredOn());
            }
            return problem;
        }
        if (command instanceof RecordSupportSessionCommand c) {
            String id = c.pointId().value();
            if (!opened.containsKey(id)) {
                return "support-point-not-found";
            }
            String problem = date(c.occurredOn());
            if (problem != null) {
                return problem;
            }
            if (c.occurredOn().isBefore(opened.get(id))) {
                return "session-before-opening";
            }
            if (closed.containsKey(id) && c.occurredOn().isAfter(closed.get(id))) {
                return "support-point-closed";
            }
            if (c.peopleServed().values().stream().mapToInt(Integer::intValue).sum() == 0) {
                return "session-without-people";
            }
            return null;
        }
        if (command instanceof CloseSupportPointCommand c) {
            String id = c.pointId().value();
            if (!opened.containsKey(id)) {
                return "support-point-not-found";
            }
            if (closed.containsKey(id)) {
                return "support-point-closed";
            }
            String problem = date(c.occurredOn());
            if (problem != null) {
                return problem;
            }
            if (c.occurredOn().isBefore(opened.get(id))) {
                return "closing-before-opening";
            }
            closed.put(id, c.occurredOn());
            return null;
        }
        if (command instanceof AssignITOfficerCommand c) {
            String problem = unit(c.unitId(), c.occurredOn());
            String key = c.unitId() + "/" + c.officerId().value();
            if (problem == null && activeOfficers.containsKey(key)) {
                return "it-officer-already-assigned";
            }
            if (problem == null) {
                activeOfficers.put(key, c.occurredOn());
            }
            return problem;
        }
        if (command instanceof ReleaseITOfficerCommand c) {
            String problem = unit(c.unitId(), c.occurredOn());
            String key = c.unitId() + "/" + c.officerId().value();
            if (problem != null) {
                return problem;
            }
            if (!activeOfficers.containsKey(key)) {
                return "it-officer-not-assigned";
            }
            if (c.occurredOn().isBefore(activeOfficers.get(key))) {
                return "release-before-assignment";
            }
            activeOfficers.remove(key);
            return null;
        }
        if (command instanceof FormCommunityDigitalTeamCommand c) {
            return team(c.unitId(), c.teamId().value(), c.occurredOn());
        }
        if (command instanceof FormTechRescueTeamCommand c) {
            return team(c.unitId(), c.teamId().value(), c.occurredOn());
        }
        if (command instanceof NominateModelPracticeCommand c) {
            String problem = unit(c.unitId(), c.occurredOn());
            if (problem == null && !practices.add(c.unitId() + "/" + c.practiceId().value())) {
                return "model-practice-already-nominated";
            }
            return problem;
        }
        if (command instanceof MobiliseStudentVolunteersCommand c) {
            String problem = unit(c.unitId(), c.occurredOn());
            if (problem == null && c.periodTo().isBefore(c.periodFrom())) {
                return "volunteer-period-invalid";
            }
            return problem;
        }
        if (command instanceof RecordConnectivityUpgradeCommand c) {
            return unit(c.unitId(), c.occurredOn());
        }
        if (command instanceof AssessResidentialGroupCommand c) {
            return unit(c.unitId(), c.occurredOn());
        }
        if (command instanceof DeployTelecomEngineersCommand c) {
            return unit(c.unitId(), c.occurredOn());
        }
        if (command instanceof CloseCampaignCommand c) {
            return date(c.occurredOn());
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private String team(AdministrativeUnitId unit, String team, LocalDate occurredOn) {
        String problem = unit(unit, occurredOn);
        if (problem == null && !teams.add(unit + "/" + team)) {
            return "team-already-formed";
        }
        return problem;
    }

    private String unit(AdministrativeUnitId unit, LocalDate occurredOn) {
        return unitAndDate(unit.unitCode().value(), occurredOn);
    }

    private String unitAndDate(String unitCode, LocalDate occurredOn) {
        if (!units.contains(unitCode)) {
            return "unit-not-in-campaign";
        }
        return date(occurredOn);
    }

    private String date(LocalDate occurredOn) {
        if (occurredOn.isBefore(definition.startDate())) {
            return "date-before-campaign-start";
        }
        if (occurredOn.isAfter(definition.endDate())) {
            return "date-after-campaign-end";
        }
        return null;
    }
}
