package org.campaignledger.simulator.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command of a simulated campaign, ordered by the day it is reported. Made by
 * {@link CampaignPlanner#plan}; the same definition and settings always give an equal plan.
 */
public record CampaignPlan(CampaignDefinition definition, PlanSettings settings, List<PlannedCommand> commands) {

    public CampaignPlan {
        commands = List.copyOf(commands);
    }

    public int size() {
        return commands.size();
    }

    public PlannedCommand get(int index) {
        return commands.get(index);
    }

    /** Number of commands per kind (e.g. {@code CompleteCourseCommand}), sorted by name. */
    public Map<String, Integer> countByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        commands.forEach(command -> counts.merge(command.kind(), 1, Integer::sum));
        return counts;
    }

    /** Number of planned invalid commands per problem type they must be rejected with. */
    public Map<String, Integer> expectedRejections() {
        Map<String, Integer> counts = new TreeMap<>();
        commands.stream().filter(command -> !command.valid())
                .forEach(command -> counts.merge(command.expectedRejection(), 1, Integer::sum));
        return counts;
    }

    public long reportedLateCount() {
        return commands.stream().filter(PlannedCommand::reportedLate).count();
    }
}
