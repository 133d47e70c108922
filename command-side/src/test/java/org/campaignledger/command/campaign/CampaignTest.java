package org.campaignledger.command.campaign;

import static org.campaignledger.command.TestCampaigns.CAMPAIGN;
import static org.campaignledger.command.TestCampaigns.day;
import static org.campaignledger.command.TestCampaigns.launch;
import static org.campaignledger.command.TestCampaigns.launched;
import static org.campaignledger.command.Violates.violates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(new TestCampaigns());
    }

    @Test
    void launchesACampaignWithItsWholeDefinition() {
        fixture.givenNoPriorActivity()
                .when(launch(CAMPAIGN))
                .expectEvents(launched(CAMPAIGN))
                .expectResultMessagePayload(0L);
    }

    @Test
    void rejectsASecondLaunchWithTheSameId() {
        fixture.given(launched(CAMPAIGN))
                .when(launch(CAMPAIGN))
                .expectException(violates(Rule.CAMPAIGN_ALREADY_LAUNCHED))
                .expectNoEvents();
    }

    @Test
    void rejectsADefinitionWhoseRequiredCourseIsNotInTheCatalogue() {
        LaunchCampaignCommand valid = launch(CAMPAIGN);
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaignCommand(valid.campaignId(), valid.name(), valid.directive(),
                        valid.startDate(), valid.durationDays(), valid.timeZone(), valid.targets(), valid.courses(),
                        Map.of(ParticipantRole.OFFICIAL, List.of(new CourseCode("UNKNOWN_COURSE"))), valid.units()))
                .expectException(violates(Rule.INVALID_CAMPAIGN_DEFINITION))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("UNKNOWN_COURSE"))
                .expectNoEvents();
    }

    @Test
    void rejectsADefinitionWithAPercentGoalAboveHundredAndAnUnknownZone() {
        LaunchCampaignCommand valid = launch(CAMPAIGN);
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaignCommand(valid.campaignId(), valid.name(), valid.directive(),
                        valid.startDate(), valid.durationDays(), "Mars/Olympus",
                        List.of(new Target(TargetMetric.OFFICIALS_TRAINED, BigDecimal.valueOf(120))),
                        valid.courses(), valid.requiredCourses(), valid.units()))
                .expectException(violates(Rule.INVALID_CAMPAIGN_DEFINITION))
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Mars/Olympus"),
                        org.hamcrest.Matchers.containsString("cannot exceed 100")))
                .expectNoEvents();
    }

    @Test
    void rejectsADefinitionWithAUnitListedTwice() {
        LaunchCampaignCommand valid = launch(CAMPAIGN);
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaignCommand(valid.campaignId(), valid.name(), valid.directive(),
                        valid.startDate(), valid.durationDays(), valid.timeZone(), valid.targets(), valid.courses(),
                        valid.requiredCourses(), List.of(valid.units().get(0), valid.units().get(0))))
                .expectException(violates(Rule.INVALID_CAMPAIGN_DEFINITION))
                .expectNoEvents();
    }

    @Test
    void closesARunningCampaign() {
        fixture.given(launched(CAMPAIGN))
                .when(new CloseCampaignCommand(CAMPAIGN, day(30)))
                .expectEvents(new CampaignClosedEvent(CAMPAIGN, day(30)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsClosingTwice() {
        fixture.given(launched(CAMPAIGN), new CampaignClosedEvent(CAMPAIGN, day(20)))
                .when(new CloseCampaignCommand(CAMPAIGN, day(25)))
                .expectException(violates(Rule.CAMPAIGN_ALREADY_CLOSED))
                .expectNoEvents();
    }

    @Test
    void rejectsClosingBeforeTheStartOrInTheFuture() {
        fixture.given(launched(CAMPAIGN))
                .when(new CloseCampaignCommand(CAMPAIGN, day(0)))
                .expectException(violates(Rule.DATE_BEFORE_CAMPAIGN_START));
        fixture.given(launched(CAMPAIGN))
                .when(new CloseCampaignCommand(CAMPAIGN, TestCampaigns.TODAY.plusDays(1)))
                .expectException(violates(Rule.DATE_IN_FUTURE));
    }
}
