package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.TargetProgressView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.support.PriorityGroup;

/** The overview's cards: one per target figure, with its goal, where it stood a week before and its curve. */
final class Cards {

    static final int TREND_DAYS = 7;

    /**
     * One card. {@code detailKey} and its arguments say what the figure is made of ("126 of 126 units");
     * {@code parts} break it down (people served by priority group); {@code sparkline} is an SVG polyline.
     */
    record Card(DashboardMetric metric, String value, BigDecimal goal, String goalText, BigDecimal percentOfGoal,
                boolean met, BigDecimal trend, String trendText, String sparkline, String detailKey,
                Object[] detailArgs, List<Part> parts) {

        public String id() {
            return "card-" + metric.key();
        }

        public String label() {
            return metric.label();
        }

        /** Width of the progress bar, 0 to 100. */
        public BigDecimal bar() {
            return percentOfGoal == null ? null : percentOfGoal.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO);
        }
    }

    record Part(String labelKey, String value) {
    }

    private Cards() {
    }

    static List<Card> of(TimelineView timeline, int day, Formats fmt) {
        List<TimelineView.Day> days = timeline.days();
        TimelineView.Day today = days.get(day - 1);
        MetricsView m = today.metrics();
        List<Card> cards = new ArrayList<>();
        cards.add(card(DashboardMetric.IT_OFFICER_COVERAGE, days, day, fmt, "detail.itOfficerCoverage",
                new Object[] {fmt.number(m.unitsWithItOfficer()), fmt.number(m.unitCount()),
                        fmt.number(m.itOfficersStaff() + m.itOfficersContracted()),
                        fmt.number(m.itOfficersContracted())}, List.of()));
        cards.add(card(DashboardMetric.STAFF_TRAINED, days, day, fmt, "detail.trainedOfEnrolled",
                new Object[] {fmt.number(m.staffTrained()), fmt.number(m.staffEnrolled())}, List.of()));
        cards.add(card(DashboardMetric.TEAM_MEMBERS_TRAINED, days, day, fmt, "detail.trainedOfEnrolled",
                new Object[] {fmt.number(m.teamMembersTrained()), fmt.number(m.teamMembersEnrolled())}, List.of()));
        cards.add(card(DashboardMetric.SUPPORT_POINTS_OPEN, days, day, fmt, "detail.supportPoints",
                new Object[] {fmt.number(m.unitsWithOpenSupportPoint()), fmt.number(m.unitCount()),
                        fmt.number(m.supportSessions())}, List.of()));
        cards.add(card(DashboardMetric.PEOPLE_SERVED, days, day, fmt, null, new Object[0], peopleServed(m, fmt)));
        cards.add(card(DashboardMetric.CONNECTIVITY_UPGRADES, days, day, fmt, "detail.connectivity",
                new Object[] {fmt.number(m.connectivityFixedBroadband()), fmt.number(m.connectivityFiveG())},
                List.of()));
        cards.add(card(DashboardMetric.VOLUNTEERS, days, day, fmt, "detail.volunteers",
                new Object[] {fmt.number(m.studentVolunteers()), fmt.number(m.telecomEngineers())}, List.of()));
        cards.add(card(DashboardMetric.COMMUNITY_TEAMS, days, day, fmt, "detail.communityTeams",
                new Object[] {fmt.number(m.communityTeamMembers())}, List.of()));
        cards.add(card(DashboardMetric.RESCUE_TEAM_COVERAGE, days, day, fmt, "detail.rescueTeams",
                new Object[] {fmt.number(m.unitsWithRescueTeam()), fmt.number(m.unitCount()),
                        fmt.number(m.rescueTeams())}, List.of()));
        cards.add(card(DashboardMetric.RESIDENTIAL_GROUPS_ASSESSED, days, day, fmt, null, new Object[0], List.of()));
        return cards;
    }

    private static Card card(DashboardMetric metric, List<TimelineView.Day> days, int day, Formats fmt,
                             String detailKey, Object[] detailArgs, List<Part> parts) {
        TimelineView.Day today = days.get(day - 1);
        BigDecimal value = metric.of(today.metrics());
        BigDecimal before = metric.of(days.get(Math.max(0, day - 1 - TREND_DAYS)).metrics());
        TargetProgressView target = metric.targetIn(today.targets()).orElse(null);
        BigDecimal goal = target == null ? null : target.goal();
        return new Card(metric, fmt.metric(metric, value), goal, goal == null ? null : fmt.metric(metric, goal),
                target == null ? null : target.percentOfGoal(), target != null && target.met(),
                value.subtract(before), fmt.delta(value.subtract(before)), sparkline(metric, days, day, goal),
                detailKey, detailArgs, parts);
    }

    private static List<Part> peopleServed(MetricsView m, Formats fmt) {
        List<Part> parts = new ArrayList<>();
        Map<PriorityGroup, Long> served = m.peopleServed();
        for (PriorityGroup group : PriorityGroup.values()) {
            Long count = served == null ? null : served.get(group);
            parts.add(new Part("priority." + group.name(), fmt.number(count == null ? 0 : count)));
        }
        return parts;
    }

    /** Days 1..day as points of a 100 x 30 box, scaled to the larger of the highest value and the goal. */
    static String sparkline(DashboardMetric metric, List<TimelineView.Day> days, int day, BigDecimal goal) {
        double max = goal == null ? 0 : goal.doubleValue();
        for (int i = 0; i < day; i++) {
            max = Math.max(max, metric.of(days.get(i).metrics()).doubleValue());
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < day; i++) {
            double x = days.size() <= 1 ? 0 : 100.0 * i / (days.size() - 1);
            double y = max <= 0 ? 30 : 30 - 28 * metric.of(days.get(i).metrics()).doubleValue() / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }
}
