package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.TargetProgressView;

/**
 * The figures the dashboard shows, charts and ranks: each read from {@link MetricsView}, labelled by the
 * message {@code metric.<key>}, and tied to the campaign target that sets its goal, if any.
 */
public enum DashboardMetric {
    IT_OFFICER_COVERAGE("itOfficerCoverage", true, TargetMetric.IT_OFFICER_COVERAGE,
            MetricsView::itOfficerCoveragePercent),
    IT_OFFICERS("itOfficers", false, null,
            m -> BigDecimal.valueOf(m.itOfficersStaff() + m.itOfficersContracted())),
    STAFF_TRAINED("staffTrained", true, TargetMetric.OFFICIALS_TRAINED, MetricsView::staffTrainedPercent),
    TEAM_MEMBERS_TRAINED("teamMembersTrained", true, TargetMetric.TEAM_MEMBERS_TRAINED,
            MetricsView::teamMembersTrainedPercent),
    RESCUE_TEAM_COVERAGE("rescueTeamCoverage", true, TargetMetric.RESCUE_TEAM_COVERAGE,
            MetricsView::rescueTeamCoveragePercent),
    COMMUNITY_TEAMS("communityTeams", false, TargetMetric.COMMUNITY_TEAMS_FORMED,
            m -> BigDecimal.valueOf(m.communityTeams())),
    SUPPORT_POINTS_OPEN("supportPointsOpen", false, null, m -> BigDecimal.valueOf(m.supportPointsOpen())),
    SUPPORT_POINT_COVERAGE("supportPointCoverage", true, TargetMetric.SUPPORT_POINT_COVERAGE,
            MetricsView::supportPointCoveragePercent),
    PEOPLE_SERVED("peopleServed", false, TargetMetric.PEOPLE_SERVED, m -> BigDecimal.valueOf(m.peopleServedTotal())),
    CONNECTIVITY_UPGRADES("connectivityUpgrades", false, TargetMetric.CONNECTIVITY_UPGRADES,
            m -> BigDecimal.valueOf(m.connectivityFixedBroadband() + m.connectivityFiveG())),
    VOLUNTEERS("volunteers", false, TargetMetric.VOLUNTEERS_MOBILISED,
            m -> BigDecimal.valueOf(m.studentVolunteers() + m.telecomEngineers())),
    RESIDENTIAL_GROUPS_ASSESSED("residentialGroupsAssessed", false, TargetMetric.RESIDENTIAL_GROUPS_ASSESSED,
            m -> BigDecimal.valueOf(m.residentialGroupsAssessed())),
    MODEL_PRACTICES("modelPractices", false, null, m -> BigDecimal.valueOf(m.modelPractices()));

    /** The columns of the ranking table, in order. */
    static final List<DashboardMetric> RANKING_COLUMNS = List.of(IT_OFFICERS, STAFF_TRAINED, TEAM_MEMBERS_TRAINED,
            COMMUNITY_TEAMS, SUPPORT_POINTS_OPEN, PEOPLE_SERVED, CONNECTIVITY_UPGRADES, VOLUNTEERS);

    private final String key;
    private final boolean percent;
    private final TargetMetric target;
    private final Function<MetricsView, BigDecimal> read;

    DashboardMetric(String key, boolean percent, TargetMetric target, Function<MetricsView, BigDecimal> read) {
        this.key = key;
        this.percent = percent;
        this.target = target;
        this.read = read;
    }

    // public: the templates call these
    public String key() {
        return key;
    }

    public String label() {
        return "metric." + key;
    }

    public boolean percent() {
        return percent;
    }

    BigDecimal of(MetricsView metrics) {
        BigDecimal value = read.apply(metrics);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** This metric's target among a day's targets (the campaign may not set one). */
    Optional<TargetProgressView> targetIn(List<TargetProgressView> targets) {
        return target == null || targets == null ? Optional.empty()
                : targets.stream().filter(t -> t.metric() == target).findFirst();
    }

    /** By its key; an unknown or missing key gives the fallback, so a hand-edited URL still shows a page. */
    static DashboardMetric byKey(String key, DashboardMetric fallback) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst().orElse(fallback);
    }
}
