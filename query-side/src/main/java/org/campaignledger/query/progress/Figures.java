package org.campaignledger.query.progress;

import static org.campaignledger.query.progress.Measure.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.TargetProgressView;
import org.campaignledger.api.support.PriorityGroup;

/** The metric definitions of DOMAIN.md, computed from the running sums of one or more units on one day. */
final class Figures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    static MetricsView metrics(List<long[]> units) {
        long[] total = new long[Measure.COUNT];
        long withOfficer = 0;
        long withRescueTeam = 0;
        long withOpenPoint = 0;
        for (long[] unit : units) {
            for (int m = 0; m < Measure.COUNT; m++) {
                total[m] += unit[m];
            }
            withOfficer += unit[IT_OFFICERS_STAFF.ordinal()] + unit[IT_OFFICERS_CONTRACTED.ordinal()] > 0 ? 1 : 0;
            withRescueTeam += unit[RESCUE_TEAMS.ordinal()] > 0 ? 1 : 0;
            withOpenPoint += unit[SUPPORT_POINTS_OPEN.ordinal()] > 0 ? 1 : 0;
        }
        Map<PriorityGroup, Long> served = new EnumMap<>(PriorityGroup.class);
        long servedTotal = 0;
        for (PriorityGroup group : PriorityGroup.values()) {
            long count = total[Measure.peopleServed(group).ordinal()];
            served.put(group, count);
            servedTotal += count;
        }
        int unitCount = units.size();
        return new MetricsView(
                unitCount,
                get(total, IT_OFFICERS_STAFF),
                get(total, IT_OFFICERS_CONTRACTED),
                withOfficer,
                percent(withOfficer, unitCount),
                get(total, STAFF_ENROLLED),
                get(total, STAFF_TRAINED),
                percent(get(total, STAFF_TRAINED), get(total, STAFF_ENROLLED)),
                get(total, TEAM_MEMBERS_ENROLLED),
                get(total, TEAM_MEMBERS_TRAINED),
                percent(get(total, TEAM_MEMBERS_TRAINED), get(total, TEAM_MEMBERS_ENROLLED)),
                get(total, IT_OFFICER_PARTICIPANTS_ENROLLED),
                get(total, IT_OFFICER_PARTICIPANTS_TRAINED),
                get(total, COMMUNITY_TEAMS),
                get(total, COMMUNITY_TEAM_MEMBERS),
                get(total, RESCUE_TEAMS),
                withRescueTeam,
                percent(withRescueTeam, unitCount),
                get(total, SUPPORT_POINTS_OPEN),
                withOpenPoint,
                percent(withOpenPoint, unitCount),
                get(total, SUPPORT_SESSIONS),
                served,
                servedTotal,
                get(total, CONNECTIVITY_FIXED_BROADBAND),
                get(total, CONNECTIVITY_FIVE_G),
                get(total, STUDENT_VOLUNTEERS),
                get(total, TELECOM_ENGINEERS),
                get(total, RESIDENTIAL_GROUPS_ASSESSED),
                get(total, MODEL_PRACTICES));
    }

    static List<TargetProgressView> targets(List<Target> targets, MetricsView metrics, boolean perUnitOnly) {
        return targets.stream()
                .filter(target -> !perUnitOnly || target.metric().scope() == TargetMetric.Scope.EACH_UNIT)
                .map(target -> target(target, metrics))
                .toList();
    }

    /** The mean of the targets' percentages of goal, each capped at 100: 100 means every target met. */
    static BigDecimal score(List<TargetProgressView> targets) {
        if (targets.isEmpty()) {
            return HUNDRED.setScale(1);
        }
        BigDecimal sum = targets.stream().map(t -> t.percentOfGoal().min(HUNDRED)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(targets.size()), 1, RoundingMode.HALF_UP);
    }

    static TargetProgressView target(Target target, MetricsView m) {
        BigDecimal value = switch (target.metric()) {
            case IT_OFFICER_COVERAGE -> m.itOfficerCoveragePercent();
            case OFFICIALS_TRAINED -> m.staffTrainedPercent();
            case TEAM_MEMBERS_TRAINED -> m.teamMembersTrainedPercent();
            case RESCUE_TEAM_COVERAGE -> m.rescueTeamCoveragePercent();
            case SUPPORT_POINT_COVERAGE -> m.supportPointCoveragePercent();
            case COMMUNITY_TEAMS_FORMED -> BigDecimal.valueOf(m.communityTeams());
            case PEOPLE_SERVED -> BigDecimal.valueOf(m.peopleServedTotal());
            case CONNECTIVITY_UPGRADES -> BigDecimal.valueOf(m.connectivityFixedBroadband() + m.connectivityFiveG());
            case VOLUNTEERS_MOBILISED -> BigDecimal.valueOf(m.studentVolunteers() + m.telecomEngineers());
            case RESIDENTIAL_GROUPS_ASSESSED -> BigDecimal.valueOf(m.residentialGroupsAssessed());
        };
        BigDecimal goal = target.goal();
        BigDecimal ofGoal = goal.signum() == 0 ? HUNDRED.setScale(1)
                : value.multiply(HUNDRED).divide(goal, 1, RoundingMode.HALF_UP);
        return new TargetProgressView(target.metric(), goal, value, ofGoal, value.compareTo(goal) >= 0);
    }

    /** A percentage with one decimal; 0 when there is nothing to count yet. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static long get(long[] total, Measure measure) {
        return total[measure.ordinal()];
    }
}
