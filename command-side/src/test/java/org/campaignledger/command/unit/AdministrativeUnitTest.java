package org.campaignledger.command.unit;

import static org.campaignledger.command.TestCampaigns.BA_DINH;
import static org.campaignledger.command.TestCampaigns.CAMPAIGN;
import static org.campaignledger.command.TestCampaigns.day;
import static org.campaignledger.command.Violates.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ConnectivityTechnology;
import org.campaignledger.api.unit.ConnectivityUpgradedEvent;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.NeedLevel;
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
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdministrativeUnitTest {

    private static final AdministrativeUnitId UNIT = new AdministrativeUnitId(CAMPAIGN, BA_DINH);
    private static final OfficerId OFFICER = new OfficerId("officer-1");
    private static final TeamId TEAM = new TeamId("team-1");

    private AggregateTestFixture<AdministrativeUnit> fixture;
    private TestCampaigns campaigns;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdministrativeUnit.class);
        campaigns = new TestCampaigns();
        fixture.registerInjectableResource(campaigns);
    }

    private ITOfficerAssignedEvent assigned(int day) {
        return new ITOfficerAssignedEvent(CAMPAIGN, BA_DINH, OFFICER, Employment.STAFF, day(day));
    }

    @Test
    void assignsAnItOfficerAsTheUnitsFirstFact() {
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, day(3)))
                .expectEvents(assigned(3))
                .expectResultMessagePayload(0L);
    }

    @Test
    void rejectsAssigningTheSameOfficerTwice() {
        fixture.given(assigned(3))
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.CONTRACTED, day(4)))
                .expectException(violates(Rule.IT_OFFICER_ALREADY_ASSIGNED))
                .expectNoEvents();
    }

    @Test
    void releasesAnAssignedOfficerKeepingTheirEmployment() {
        fixture.given(assigned(3))
                .when(new ReleaseITOfficerCommand(UNIT, OFFICER, day(10)))
                .expectEvents(new ITOfficerReleasedEvent(CAMPAIGN, BA_DINH, OFFICER, Employment.STAFF, day(10)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsReleasingAnOfficerWhoIsNotAssigned() {
        fixture.given(assigned(3), new ITOfficerReleasedEvent(CAMPAIGN, BA_DINH, OFFICER, Employment.STAFF, day(5)))
                .when(new ReleaseITOfficerCommand(UNIT, OFFICER, day(10)))
                .expectException(violates(Rule.IT_OFFICER_NOT_ASSIGNED))
                .expectNoEvents();
    }

    @Test
    void rejectsAReleaseDatedBeforeTheAssignment() {
        fixture.given(assigned(10))
                .when(new ReleaseITOfficerCommand(UNIT, OFFICER, day(5)))
                .expectException(violates(Rule.RELEASE_BEFORE_ASSIGNMENT))
                .expectNoEvents();
    }

    @Test
    void rejectsAUnitThatIsNotInTheCampaign() {
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(new AdministrativeUnitId(CAMPAIGN, new UnitCode("99999")), OFFICER,
                        Employment.STAFF, day(3)))
                .expectException(violates(Rule.UNIT_NOT_IN_CAMPAIGN))
                .expectNoEvents();
    }

    @Test
    void rejectsAnUnknownCampaign() {
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(new AdministrativeUnitId(new CampaignId("nowhere"), BA_DINH),
                        OFFICER, Employment.STAFF, day(3)))
                .expectException(violates(Rule.CAMPAIGN_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void rejectsDatesBeforeTheStartAfterTheEndAndInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, day(0)))
                .expectException(violates(Rule.DATE_BEFORE_CAMPAIGN_START));
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, TestCampaigns.TODAY.plusDays(1)))
                .expectException(violates(Rule.DATE_IN_FUTURE));
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, day(46)))
                .expectException(violates(Rule.DATE_AFTER_CAMPAIGN_END));
    }

    @Test
    void rejectsNewFactsDatedAfterTheCampaignClosedButAcceptsLateReportsOfEarlierOnes() {
        campaigns.closedOn(day(20));
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, day(21)))
                .expectException(violates(Rule.DATE_AFTER_CAMPAIGN_CLOSED))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AssignITOfficerCommand(UNIT, OFFICER, Employment.STAFF, day(19)))
                .expectEvents(new ITOfficerAssignedEvent(CAMPAIGN, BA_DINH, OFFICER, Employment.STAFF, day(19)));
    }

    @Test
    void formsACommunityTeamOncePerTeamId() {
        fixture.givenNoPriorActivity()
                .when(new FormCommunityDigitalTeamCommand(UNIT, TEAM, "Tổ dân phố số 5", 12, day(4)))
                .expectEvents(new CommunityDigitalTeamFormedEvent(CAMPAIGN, BA_DINH, TEAM, "Tổ dân phố số 5", 12,
                        day(4)));
        fixture.given(new CommunityDigitalTeamFormedEvent(CAMPAIGN, BA_DINH, TEAM, "Tổ dân phố số 5", 12, day(4)))
                .when(new FormCommunityDigitalTeamCommand(UNIT, TEAM, "Tổ dân phố số 5", 12, day(5)))
                .expectException(violates(Rule.TEAM_ALREADY_FORMED))
                .expectNoEvents();
    }

    @Test
    void formsATechRescueTeamButNotWithAnIdAlreadyTaken() {
        fixture.givenNoPriorActivity()
                .when(new FormTechRescueTeamCommand(UNIT, TEAM, 6, day(2)))
                .expectEvents(new TechRescueTeamFormedEvent(CAMPAIGN, BA_DINH, TEAM, 6, day(2)));
        fixture.given(new TechRescueTeamFormedEvent(CAMPAIGN, BA_DINH, TEAM, 6, day(2)))
                .when(new FormTechRescueTeamCommand(UNIT, TEAM, 6, day(3)))
                .expectException(violates(Rule.TEAM_ALREADY_FORMED));
    }

    @Test
    void recordsConnectivityUpgradesAndAssessments() {
        fixture.givenNoPriorActivity()
                .when(new RecordConnectivityUpgradeCommand(UNIT, "Bộ phận một cửa", ConnectivityTechnology.FIVE_G,
                        day(6)))
                .expectEvents(new ConnectivityUpgradedEvent(CAMPAIGN, BA_DINH, "Bộ phận một cửa",
                        ConnectivityTechnology.FIVE_G, day(6)));
        fixture.givenNoPriorActivity()
                .when(new AssessResidentialGroupCommand(UNIT, "Tổ dân phố số 7", NeedLevel.HIGH, day(6)))
                .expectEvents(new ResidentialGroupAssessedEvent(CAMPAIGN, BA_DINH, "Tổ dân phố số 7", NeedLevel.HIGH,
                        day(6)));
    }

    @Test
    void mobilisesStudentsForAValidPeriodOnly() {
        fixture.givenNoPriorActivity()
                .when(new MobiliseStudentVolunteersCommand(UNIT, "Đại học Bách khoa Hà Nội", 20, day(5), day(15),
                        day(5)))
                .expectEvents(new StudentVolunteersMobilisedEvent(CAMPAIGN, BA_DINH, "Đại học Bách khoa Hà Nội", 20,
                        day(5), day(15), day(5)));
        fixture.givenNoPriorActivity()
                .when(new MobiliseStudentVolunteersCommand(UNIT, "Đại học Bách khoa Hà Nội", 20, day(15), day(5),
                        day(5)))
                .expectException(violates(Rule.VOLUNTEER_PERIOD_INVALID));
    }

    @Test
    void deploysTelecomEngineers() {
        fixture.givenNoPriorActivity()
                .when(new DeployTelecomEngineersCommand(UNIT, "Viettel", 3, day(8)))
                .expectEvents(new TelecomEngineersDeployedEvent(CAMPAIGN, BA_DINH, "Viettel", 3, day(8)));
    }

    @Test
    void nominatesAModelPracticeOnce() {
        PracticeId practice = new PracticeId("practice-1");
        ModelPracticeNominatedEvent nominated = new ModelPracticeNominatedEvent(CAMPAIGN, BA_DINH, practice,
                "Bình dân học vụ số", "Evening classes", day(40));
        fixture.givenNoPriorActivity()
                .when(new NominateModelPracticeCommand(UNIT, practice, "Bình dân học vụ số", "Evening classes",
                        TestCampaigns.TODAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(nominated)
                .when(new NominateModelPracticeCommand(UNIT, practice, "Again", "Again", day(28)))
                .expectException(violates(Rule.MODEL_PRACTICE_ALREADY_NOMINATED));
    }

    @Test
    void honoursAnExpectedVersion() {
        fixture.given(assigned(3))
                .when(new FormTechRescueTeamCommand(UNIT, TEAM, 6, day(4)),
                        java.util.Map.of("expectedVersion", 5L))
                .expectException(violates(Rule.VERSION_MISMATCH))
                .expectNoEvents();
        fixture.given(assigned(3))
                .when(new FormTechRescueTeamCommand(UNIT, TEAM, 6, day(4)),
                        java.util.Map.of("expectedVersion", 0L))
                .expectEvents(new TechRescueTeamFormedEvent(CAMPAIGN, BA_DINH, TEAM, 6, day(4)));
    }
}
