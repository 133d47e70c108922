package org.campaignledger.command.training;

import java.util.Map;
import static org.campaignledger.command.TestCampaigns.BA_DINH;
import static org.campaignledger.command.TestCampaigns.CAMPAIGN;
import static org.campaignledger.command.TestCampaigns.ONETOUCH;
import static org.campaignledger.command.TestCampaigns.day;
import static org.campaignledger.command.Violates.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.CourseCompletedEvent;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantEnrolledEvent;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    private static final ParticipantId PERSON = new ParticipantId("p-1");
    private static final ParticipantEnrolledEvent ENROLLED =
            new ParticipantEnrolledEvent(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, null, day(2));

    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        fixture.registerInjectableResource(new TestCampaigns());
    }

    @Test
    void enrolsAParticipantInAUnitAndRole() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, null, day(2)))
                .expectEvents(ENROLLED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void aUnitOfficerEnrolsAndCompletesOnlyForTheUnitsTheyAreBoundTo() {
        Map<String, Object> ownUnit = Map.of("principal", "lan", "role", "UNIT_OFFICER", "units", "00070," + BA_DINH.value());
        Map<String, Object> otherUnit = Map.of("principal", "minh", "role", "UNIT_OFFICER", "units", "00070");
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, null, day(2)),
                        ownUnit)
                .expectEvents(ENROLLED);
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, null, day(2)),
                        otherUnit)
                .expectException(violates(Rule.UNIT_NOT_PERMITTED))
                .expectNoEvents();
        // the completion names no unit: the participant's own unit decides
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(12)), otherUnit)
                .expectException(violates(Rule.UNIT_NOT_PERMITTED))
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(12)),
                        Map.of("principal", "an", "role", "AUDITOR"))
                .expectException(violates(Rule.UNIT_NOT_PERMITTED))
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(12)),
                        Map.of("principal", "so", "role", "DEPARTMENT"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsEnrollingTwice() {
        fixture.given(ENROLLED)
                .when(new EnrolParticipantCommand(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, null, day(3)))
                .expectException(violates(Rule.PARTICIPANT_ALREADY_ENROLLED))
                .expectNoEvents();
    }

    @Test
    void rejectsEnrollingInAUnitOutsideTheCampaign() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand(PERSON, CAMPAIGN, new UnitCode("99999"), ParticipantRole.OFFICIAL,
                        null, day(3)))
                .expectException(violates(Rule.UNIT_NOT_IN_CAMPAIGN))
                .expectNoEvents();
    }

    @Test
    void completesACourseWithTheParticipantsUnitAndRole() {
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(12)))
                .expectEvents(new CourseCompletedEvent(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL, ONETOUCH,
                        day(12)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsCompletionBeforeEnrolment() {
        fixture.givenNoPriorActivity()
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(12)))
                .expectException(violates(Rule.PARTICIPANT_NOT_ENROLLED))
                .expectNoEvents();
    }

    @Test
    void rejectsACompletionDatedBeforeTheEnrolmentDate() {
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(1)))
                .expectException(violates(Rule.COMPLETION_BEFORE_ENROLMENT))
                .expectNoEvents();
    }

    @Test
    void rejectsCompletionInAnotherCampaign() {
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, new CampaignId("other"), ONETOUCH, day(12)))
                .expectException(violates(Rule.PARTICIPANT_NOT_ENROLLED))
                .expectNoEvents();
    }

    @Test
    void rejectsCompletingTheSameCourseTwice() {
        fixture.given(ENROLLED, new CourseCompletedEvent(PERSON, CAMPAIGN, BA_DINH, ParticipantRole.OFFICIAL,
                        ONETOUCH, day(12)))
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, day(14)))
                .expectException(violates(Rule.COURSE_ALREADY_COMPLETED))
                .expectNoEvents();
    }

    @Test
    void rejectsACourseTheCampaignDoesNotKnow() {
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, new CourseCode("BASKET_WEAVING"), day(12)))
                .expectException(violates(Rule.COURSE_NOT_IN_CAMPAIGN))
                .expectNoEvents();
    }

    @Test
    void rejectsACompletionInTheFuture() {
        fixture.given(ENROLLED)
                .when(new CompleteCourseCommand(PERSON, CAMPAIGN, ONETOUCH, TestCampaigns.TODAY.plusDays(2)))
                .expectException(violates(Rule.DATE_IN_FUTURE))
                .expectNoEvents();
    }
}
