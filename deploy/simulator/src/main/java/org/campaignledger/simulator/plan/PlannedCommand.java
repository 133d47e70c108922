package org.campaignledger.simulator.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
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
 * One command of a plan, in the order the units report it.
 *
 * @param index position in the plan, 0-based
 * @param occurredOn the command's business date (its {@code occurredOn}; for invalid commands
 *                   possibly before the campaign)
 * @param reportedOn the day the unit reports it; the plan is ordered by this day, so a fact reported
 *                   late comes after facts with later business dates
 * @param expectedRejection the problem type slug (e.g. {@code course-already-completed}) the
 *                          platform must answer with, or {@code null} for a valid command
 */
public record PlannedCommand(int index, Object command, LocalDate occurredOn, LocalDate reportedOn,
                             String expectedRejection, String idempotencyKeyPrefix) {

    /** Facts reported this many days or more after they happened count as reported late. */
    public static final int LATE_AFTER_DAYS = 2;

    public boolean valid() {
        return expectedRejection == null;
    }

    public boolean reportedLate() {
        return ChronoUnit.DAYS.between(occurredOn, reportedOn) >= LATE_AFTER_DAYS;
    }

    /** Deterministic from seed, scale and index: a retry of the same command is never recorded twice. */
    public String idempotencyKey() {
        return idempotencyKeyPrefix + index;
    }

    /** The command's simple name, e.g. {@code CompleteCourseCommand}. */
    public String kind() {
        return command.getClass().getSimpleName();
    }

    /** The aggregate that handles the command: commands with equal ids must be sent in plan order. */
    public String aggregateId() {
        return aggregateIdOf(command);
    }

    public static String aggregateIdOf(Object command) {
        // Java 17: no pattern matching for switch yet
        if (command instanceof EnrolParticipantCommand c) {
            return c.participantId().value();
        } else if (command instanceof CompleteCourseCommand c) {
            return c.participantId().value();
        } else if (command instanceof OpenSupportPointCommand c) {
            return c.pointId().value();
        } else if (command instanceof RecordSupportSessionCommand c) {
            return c.pointId().value();
        } else if (command instanceof CloseSupportPointCommand c) {
            return c.pointId().value();
        } else if (command instanceof AssignITOfficerCommand c) {
            return c.unitId().toString();
        } else if (command instanceof ReleaseITOfficerCommand c) {
            return c.unitId().toString();
        } else if (command instanceof FormCommunityDigitalTeamCommand c) {
            return c.unitId().toString();
        } else if (command instanceof FormTechRescueTeamCommand c) {
            return c.unitId().toString();
        } else if (command instanceof RecordConnectivityUpgradeCommand c) {
            return c.unitId().toString();
        } else if (command instanceof AssessResidentialGroupCommand c) {
            return c.unitId().toString();
        } else if (command instanceof MobiliseStudentVolunteersCommand c) {
            return c.unitId().toString();
        } else if (command instanceof DeployTelecomEngineersCommand c) {
            return c.unitId().toString();
        } else if (command instanceof NominateModelPracticeCommand c) {
            return c.unitId().toString();
        } else if (command instanceof LaunchCampaignCommand c) {
            return c.campaignId().value();
        } else if (command instanceof CloseCampaignCommand c) {
            return c.campaignId().value();
        }
        throw new IllegalArgumentException("Not a campaign command: " + command.getClass().getName());
    }
}
