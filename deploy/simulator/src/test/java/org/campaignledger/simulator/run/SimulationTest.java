package org.campaignledger.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.send.CommandSender;
import org.campaignledger.simulator.send.Outcome;
import org.campaignledger.simulator.tally.Tally;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final CampaignPlan PLAN = CampaignPlanner.plan(
            CampaignDefinition.of(HanoiCampaignDefinition.launchCommand()), PlanSettings.of(0.01, 5));

    @Test
    void keepsEachAggregatesCommandsInPlanOrderWhileSendingInParallel() {
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Map<String, String> keyToAggregate = new ConcurrentHashMap<>();
        PLAN.commands().forEach(c -> keyToAggregate.put(c.idempotencyKey(), c.aggregateId()));
        CommandSender recorder = (command, key) -> {
            threads.add(Thread.currentThread().getName());
            received.computeIfAbsent(PlannedCommand.aggregateIdOf(command), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(key);
            return Outcome.accepted();
        };

        Tally tally = Simulation.run(PLAN, recorder, 4, ProgressListener.NONE);

        Map<String, List<String>> planned = new java.util.HashMap<>();
        PLAN.commands().forEach(c -> planned.computeIfAbsent(c.aggregateId(), id -> new ArrayList<>())
                .add(c.idempotencyKey()));
        assertThat(received).isEqualTo(planned);
        assertThat(threads).hasSize(4);
        assertThat(tally.sent()).isEqualTo(PLAN.size());
    }

    @Test
    void countsRejectionsByProblemTypeAndKnowsWhenEveryAnswerWasAsPlanned() {
        Map<String, PlannedCommand> byKey = new ConcurrentHashMap<>();
        PLAN.commands().forEach(c -> byKey.put(c.idempotencyKey(), c));
        CommandSender rulesAsPlanned = (command, key) -> byKey.get(key).valid() ? Outcome.accepted()
                : Outcome.rejected(byKey.get(key).expectedRejection(), "as planned");

        Tally tally = Simulation.run(PLAN, rulesAsPlanned, 3, ProgressListener.NONE);

        int invalid = PLAN.expectedRejections().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(tally.rejected()).isEqualTo(invalid);
        assertThat(tally.accepted()).isEqualTo(PLAN.size() - invalid);
        assertThat(tally.rejectedByType()).isEqualTo(PLAN.expectedRejections().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue())));
        assertThat(tally.unexpected()).isZero();
        assertThat(tally.asPlanned()).isTrue();
    }

    @Test
    void countsAnAcceptedInvalidCommandAsUnexpectedAndAThrowingSenderAsFailures() {
        CommandSender acceptsAllButClosing = (command, key) -> {
            if (command instanceof CloseCampaignCommand) {
                throw new IllegalStateException("connection reset");
            }
            return Outcome.accepted();
        };

        Tally tally = Simulation.run(PLAN, acceptsAllButClosing, 2, ProgressListener.NONE);

        assertThat(tally.failed()).isEqualTo(1);
        assertThat(tally.failureSamples()).singleElement().asString().contains("connection reset");
        assertThat(tally.unexpected()).isEqualTo(
                PLAN.expectedRejections().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(tally.asPlanned()).isFalse();
    }

    @Test
    void reportsProgressAndFinallyTheWholeRun() {
        List<Progress> reports = new CopyOnWriteArrayList<>();

        Simulation.run(PLAN, (command, key) -> Outcome.accepted(), 2, reports::add, java.time.Duration.ofMillis(1));

        Progress last = reports.get(reports.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.done()).isEqualTo(PLAN.size());
        assertThat(last.total()).isEqualTo(PLAN.size());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.ratePerSecond()).isPositive();
        assertThat(reports.stream().filter(Progress::finished)).hasSize(1);
        assertThat(new ConsoleProgressBar(System.out, "sim").line(last))
                .contains("100%").contains(String.format(java.util.Locale.ROOT, "%,d/%,d", PLAN.size(), PLAN.size()));
    }
}
