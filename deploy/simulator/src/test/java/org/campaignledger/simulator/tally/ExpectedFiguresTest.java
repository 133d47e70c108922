package org.campaignledger.simulator.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.junit.jupiter.api.Test;

class ExpectedFiguresTest {

    private static final UnitCode A = new UnitCode("00001");
    private static final UnitCode B = new UnitCode("00002");
    private static final LaunchCampaignCommand LAUNCH = HanoiCampaignDefinition.launchCommand(
            HanoiCampaignDefinition.ID, HanoiCampaignDefinition.START, 45,
            List.of(new UnitDefinition(A, "Phường A", UnitKind.WARD, 1000L, null, null),
                    new UnitDefinition(B, "Xã B", UnitKind.COMMUNE, 2000L, null, null)));
    private static final CampaignDefinition DEFINITION = CampaignDefinition.of(LAUNCH);
    private static final AdministrativeUnitId UNIT_A = new AdministrativeUnitId(LAUNCH.campaignId(), A);

    private final List<PlannedCommand> accepted = new ArrayList<>();

    @Test
    void aParticipantIsTrainedOnlyWithEveryCourseTheirRoleRequires() {
        enrol("st-1", ParticipantRole.OFFICIAL, 1);
        complete("st-1", "ONETOUCH_DIGITAL_SKILLS", 5);
        complete("st-1", "POPULAR_DIGITAL_EDUCATION", 6);
        complete("st-1", "PRACTICAL_TRAINING", 20);
        enrol("st-2", ParticipantRole.PUBLIC_EMPLOYEE, 1);
        complete("st-2", "ONETOUCH_DIGITAL_SKILLS", 5);
        enrol("tm-1", ParticipantRole.TEAM_MEMBER, 2);
        complete("tm-1", "NATIONAL_PUBLIC_SERVICE_PORTAL", 3);
        complete("tm-1", "IHANOI", 3);
        complete("tm-1", "AI_APPLICATIONS", 4);

        UnitFigures end = figures(44).unit(A);
        UnitFigures day10 = figures(10).unit(A);

        assertThat(end.staffEnrolled()).isEqualTo(2);
        assertThat(end.staffTrained()).isEqualTo(1);
        assertThat(end.teamMembersTrained()).isEqualTo(1);
        assertThat(end.courseCompletions()).isEqualTo(7);
        assertThat(day10.staffTrained()).isZero();
        assertThat(day10.teamMembersTrained()).isEqualTo(1);
        assertThat(figures(44).unit(B).staffEnrolled()).isZero();
        assertThat(figures(44).city().staffEnrolled()).isEqualTo(2);
    }

    @Test
    void aReleasedOfficerIsNoLongerActiveAndAClosedPointNoLongerOpen() {
        add(new AssignITOfficerCommand(UNIT_A, new OfficerId("it-1"), Employment.STAFF, day(1)));
        add(new AssignITOfficerCommand(UNIT_A, new OfficerId("it-2"), Employment.CONTRACTED, day(2)));
        add(new ReleaseITOfficerCommand(UNIT_A, new OfficerId("it-1"), day(20)));
        SupportPointId point = new SupportPointId("sp-1");
        add(new OpenSupportPointCommand(point, LAUNCH.campaignId(), A, "Nhà văn hóa", day(3)));
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        served.put(PriorityGroup.ELDERLY, 5);
        served.put(PriorityGroup.DISABLED, 1);
        add(new RecordSupportSessionCommand(point, LAUNCH.campaignId(), served, List.of("iHanoi app"), day(4)));
        add(new CloseSupportPointCommand(point, LAUNCH.campaignId(), day(30)));
        add(new FormCommunityDigitalTeamCommand(UNIT_A, new TeamId("ct-1"), "Tổ dân phố 1", 12, day(2)));

        ExpectedFigures end = figures(44);
        ExpectedFigures day10 = figures(10);

        assertThat(end.unit(A).itOfficersActive()).isEqualTo(1);
        assertThat(end.unit(A).itOfficersActiveContracted()).isEqualTo(1);
        assertThat(day10.unit(A).itOfficersActive()).isEqualTo(2);
        assertThat(end.unitsWithActiveItOfficer()).isEqualTo(1);
        assertThat(end.unit(A).supportPointsOpen()).isZero();
        assertThat(day10.unitsWithOpenSupportPoint()).isEqualTo(1);
        assertThat(end.city().peopleServedTotal()).isEqualTo(6);
        assertThat(end.city().peopleServed()).containsEntry(PriorityGroup.ELDERLY, 5L)
                .containsEntry(PriorityGroup.OTHER, 0L);
        assertThat(end.city().communityTeamMembers()).isEqualTo(12);
    }

    private void enrol(String id, ParticipantRole role, int day) {
        add(new EnrolParticipantCommand(new ParticipantId(id), LAUNCH.campaignId(), A, role, null, day(day)));
    }

    private void complete(String id, String course, int day) {
        add(new CompleteCourseCommand(new ParticipantId(id), LAUNCH.campaignId(), new CourseCode(course), day(day)));
    }

    private void add(Object command) {
        LocalDate occurredOn;
        try {
            occurredOn = (LocalDate) command.getClass().getMethod("occurredOn").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        accepted.add(new PlannedCommand(accepted.size(), command, occurredOn, occurredOn, null, "k-"));
    }

    private ExpectedFigures figures(int asOfDay) {
        return ExpectedFigures.of(DEFINITION, accepted, day(asOfDay));
    }

    private static LocalDate day(int offset) {
        return DEFINITION.date(offset);
    }
}
