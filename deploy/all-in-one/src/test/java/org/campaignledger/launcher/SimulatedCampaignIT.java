package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.GatewayCommandSender;
import org.campaignledger.simulator.tally.ExpectedFigures;
import org.campaignledger.simulator.tally.Tally;
import org.campaignledger.simulator.tally.UnitFigures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * The simulator against the real platform: the same seed and scale give the same event log, and the
 * query side's summary shows exactly what the simulator's own tally says it should.
 */
class SimulatedCampaignIT {

    private static final PlanSettings SETTINGS = PlanSettings.of(0.01, 7);
    /** Hanoi's definition on its first twelve units: every kind of fact, a test-sized log. */
    private static final LaunchCampaignCommand SAMPLE = sample();

    @Test
    void theSameSeedAndScaleRecordTheSameLogAndTheSummaryMatchesTheTally() {
        // one worker each, so that even the log's global order must be the same
        List<Map<String, Object>> first = simulateAndCheckSummary(1);
        List<Map<String, Object>> second = simulateAndCheckSummary(1);
        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void concurrentWritersLeaveGapsInTheLogThatTheProjectionsFillExactly() {
        // four workers commit out of global-index order: the processors see gaps filled late
        assertThat(simulateAndCheckSummary(4)).hasSizeGreaterThan(1000);
    }

    /** @return the event log: aggregate, sequence, type, payload and business date of every event, in order */
    private List<Map<String, Object>> simulateAndCheckSummary(int workers) {
        try (FreshLedger ledger = FreshLedger.start("sim")) {
            CommandGateway gateway = ledger.bean(CommandGateway.class);
            gateway.sendAndWait(SAMPLE);
            CampaignPlan plan = CampaignPlanner.plan(CampaignDefinition.of(SAMPLE), SETTINGS);
            Tally tally = Simulation.run(plan, new GatewayCommandSender(gateway), workers,
                    progress -> { });
            assertThat(tally.asPlanned()).as(tally.summaryLine(Duration.ZERO)).isTrue();

            ExpectedFigures expected = tally.expectedFigures();
            RestTemplate http = ledger.bean(RestTemplateBuilder.class).rootUri(ledger.baseUrl())
                    .basicAuthentication("department", "department").build();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                SummaryView summary = http.getForObject("/api/campaigns/" + SAMPLE.campaignId() + "/summary", SummaryView.class);
                assertMatches(summary.cityWide(), expected.city(), "city-wide");
                assertThat(summary.cityWide().unitsWithItOfficer()).isEqualTo(expected.unitsWithActiveItOfficer());
                assertThat(summary.cityWide().unitsWithRescueTeam()).isEqualTo(expected.unitsWithRescueTeam());
                assertThat(summary.cityWide().unitsWithOpenSupportPoint())
                        .isEqualTo(expected.unitsWithOpenSupportPoint());
                assertThat(summary.units()).hasSize(SAMPLE.units().size());
                for (SummaryView.UnitResult unit : summary.units()) {
                    assertMatches(unit.metrics(), expected.unit(unit.unitCode()), unit.unitCode().value());
                }
            });
            return ledger.bean(JdbcTemplate.class).queryForList("select aggregate_identifier, sequence_number, "
                    + "payload_type, convert_from(payload, 'UTF8') as payload, occurred_on from domain_event_entry "
                    + "where campaign_id = ? order by global_index", SAMPLE.campaignId().value());
        }
    }

    private static LaunchCampaignCommand sample() {
        LaunchCampaignCommand hanoi = HanoiCampaignDefinition.launchCommand();
        return new LaunchCampaignCommand(new CampaignId("hanoi-sample"), hanoi.name(), hanoi.directive(),
                hanoi.startDate(), hanoi.durationDays(), hanoi.timeZone(), hanoi.targets(), hanoi.courses(),
                hanoi.requiredCourses(), hanoi.units().subList(0, 12));
    }

    private static void assertMatches(MetricsView actual, UnitFigures expected, String where) {
        assertThat(actual.itOfficersStaff() + actual.itOfficersContracted()).as(where + " IT officers")
                .isEqualTo(expected.itOfficersActive());
        assertThat(actual.itOfficersContracted()).as(where + " contracted").isEqualTo(expected.itOfficersActiveContracted());
        assertThat(actual.staffEnrolled()).as(where + " staff enrolled").isEqualTo(expected.staffEnrolled());
        assertThat(actual.staffTrained()).as(where + " staff trained").isEqualTo(expected.staffTrained());
        assertThat(actual.teamMembersEnrolled()).as(where + " members enrolled").isEqualTo(expected.teamMembersEnrolled());
        assertThat(actual.teamMembersTrained()).as(where + " members trained").isEqualTo(expected.teamMembersTrained());
        assertThat(actual.itOfficerParticipantsEnrolled()).as(where).isEqualTo(expected.itOfficersEnrolled());
        assertThat(actual.itOfficerParticipantsTrained()).as(where).isEqualTo(expected.itOfficersTrained());
        assertThat(actual.communityTeams()).as(where + " teams").isEqualTo(expected.communityTeams());
        assertThat(actual.communityTeamMembers()).as(where).isEqualTo(expected.communityTeamMembers());
        assertThat(actual.rescueTeams()).as(where + " rescue teams").isEqualTo(expected.rescueTeams());
        assertThat(actual.supportPointsOpen()).as(where + " points open").isEqualTo(expected.supportPointsOpen());
        assertThat(actual.supportSessions()).as(where + " sessions").isEqualTo(expected.supportSessions());
        assertThat(actual.peopleServed()).as(where + " people served").isEqualTo(expected.peopleServed());
        assertThat(actual.connectivityFixedBroadband() + actual.connectivityFiveG()).as(where)
                .isEqualTo(expected.connectivityUpgrades());
        assertThat(actual.residentialGroupsAssessed()).as(where).isEqualTo(expected.residentialGroupsAssessed());
        assertThat(actual.studentVolunteers()).as(where).isEqualTo(expected.studentVolunteers());
        assertThat(actual.telecomEngineers()).as(where).isEqualTo(expected.telecomEngineers());
        assertThat(actual.modelPractices()).as(where).isEqualTo(expected.modelPractices());
    }
}
