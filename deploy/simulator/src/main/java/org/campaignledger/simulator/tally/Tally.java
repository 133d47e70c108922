package org.campaignledger.simulator.tally;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.send.Outcome;

/**
 * What a simulation sent and how the platform answered each command: counts, rejections by problem
 * type, surprises (a valid command rejected, an invalid one accepted or rejected for another reason),
 * and the figures the read side must show. Safe to record into from several threads.
 */
public final class Tally {

    private static final int SAMPLES = 20;
    private static final int ACCEPTED = 1;
    private static final int REJECTED = 2;
    private static final int FAILED = 3;

    private final CampaignPlan plan;
    private final AtomicIntegerArray outcomes;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final Map<String, LongAdder> rejectedByType = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpectedSamples = new ConcurrentLinkedQueue<>();

    public Tally(CampaignPlan plan) {
        this.plan = plan;
        this.outcomes = new AtomicIntegerArray(plan.size());
    }

    public CampaignPlan plan() {
        return plan;
    }

    public void record(PlannedCommand command, Outcome outcome) {
        switch (outcome.kind()) {
            case ACCEPTED -> {
                outcomes.set(command.index(), ACCEPTED);
                accepted.increment();
                if (!command.valid()) {
                    surprise(command, "accepted, but should have been rejected as " + command.expectedRejection());
                }
            }
            case REJECTED -> {
                outcomes.set(command.index(), REJECTED);
                rejected.increment();
                rejectedByType.computeIfAbsent(outcome.problemType(), type -> new LongAdder()).increment();
                if (!outcome.problemType().equals(command.expectedRejection())) {
                    surprise(command, "rejected as " + outcome.problemType() + " (" + outcome.detail() + "), expected "
                            + (command.valid() ? "acceptance" : command.expectedRejection()));
                }
            }
            case FAILED -> {
                outcomes.set(command.index(), FAILED);
                failed.increment();
                sample(failureSamples, "#" + command.index() + " " + command.kind() + ": " + outcome.detail());
            }
        }
    }

    private void surprise(PlannedCommand command, String what) {
        unexpected.increment();
        sample(unexpectedSamples, "#" + command.index() + " " + command.kind() + " " + command.aggregateId() + " "
                + command.occurredOn() + ": " + what);
    }

    private static void sample(ConcurrentLinkedQueue<String> samples, String text) {
        if (samples.size() < SAMPLES) {
            samples.add(text);
        }
    }

    public long sent() {
        return accepted() + rejected() + failed();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Answers that differ from what the plan expects; 0 when the platform applied every rule as planned. */
    public long unexpected() {
        return unexpected.sum();
    }

    /** True when every command was answered, none failed, and each got the answer the plan expects. */
    public boolean asPlanned() {
        return sent() == plan.size() && failed() == 0 && unexpected() == 0;
    }

    /** Rejections per problem type slug, sorted by slug. */
    public Map<String, Long> rejectedByType() {
        Map<String, Long> counts = new TreeMap<>();
        rejectedByType.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    public List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    public List<String> unexpectedSamples() {
        return List.copyOf(unexpectedSamples);
    }

    public boolean wasAccepted(PlannedCommand command) {
        return outcomes.get(command.index()) == ACCEPTED;
    }

    /** The accepted commands in plan order (the order each aggregate received them in). */
    public List<PlannedCommand> acceptedCommands() {
        List<PlannedCommand> result = new ArrayList<>();
        for (PlannedCommand command : plan.commands()) {
            if (outcomes.get(command.index()) == ACCEPTED) {
                result.add(command);
            }
        }
        return result;
    }

    /** What the end-of-campaign summary must show: every accepted fact up to the campaign's last day. */
    public ExpectedFigures expectedFigures() {
        return expectedFigures(plan.definition().endDate());
    }

    public ExpectedFigures expectedFigures(LocalDate asOf) {
        return ExpectedFigures.of(plan.definition(), acceptedCommands(), asOf);
    }

    /** e.g. {@code sent 17,500  accepted 17,460  rejected 40 (course-not-in-campaign 5, ...)  failed 0  in 0:12  1,458 cmd/s}. */
    public String summaryLine(Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder types = new StringBuilder();
        rejectedByType().forEach((type, count) -> types.append(types.length() == 0 ? "" : ", ")
                .append(type).append(' ').append(String.format(Locale.ROOT, "%,d", count)));
        return String.format(Locale.ROOT, "sent %,d  accepted %,d  rejected %,d%s  failed %,d  unexpected %,d  in %s  %,.0f cmd/s",
                sent(), accepted(), rejected(), types.length() == 0 ? "" : " (" + types + ")", failed(), unexpected(),
                formatDuration(elapsed), sent() / seconds);
    }

    private static String formatDuration(Duration duration) {
        long s = duration.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
