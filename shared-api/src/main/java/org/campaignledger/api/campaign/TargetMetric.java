package org.campaignledger.api.campaign;

/**
 * What a campaign target measures. How each is computed is code (the query side); which ones a
 * campaign sets, and their goals, are data.
 */
public enum TargetMetric {
    /** Percentage of units with at least one active IT officer (R1). */
    IT_OFFICER_COVERAGE(Scope.EACH_UNIT, GoalKind.PERCENT),
    /** Percentage of enrolled officials, civil servants and public employees who are trained (R2). */
    OFFICIALS_TRAINED(Scope.EACH_UNIT, GoalKind.PERCENT),
    /** Percentage of enrolled community team members who are trained (R3). */
    TEAM_MEMBERS_TRAINED(Scope.EACH_UNIT, GoalKind.PERCENT),
    /** Percentage of units with a technology rescue team (R4). */
    RESCUE_TEAM_COVERAGE(Scope.EACH_UNIT, GoalKind.PERCENT),
    /** Percentage of units running at least one open mobile support point (R5). */
    SUPPORT_POINT_COVERAGE(Scope.EACH_UNIT, GoalKind.PERCENT),
    /** Number of community digital teams formed city-wide (R4). */
    COMMUNITY_TEAMS_FORMED(Scope.CAMPAIGN, GoalKind.COUNT),
    /** Number of people served at mobile support points city-wide (R5). */
    PEOPLE_SERVED(Scope.CAMPAIGN, GoalKind.COUNT),
    /** Number of connectivity upgrades at public service points (R6). */
    CONNECTIVITY_UPGRADES(Scope.CAMPAIGN, GoalKind.COUNT),
    /** Number of students and engineers mobilised (R7). */
    VOLUNTEERS_MOBILISED(Scope.CAMPAIGN, GoalKind.COUNT),
    /** Number of residential groups whose needs were assessed (R8). */
    RESIDENTIAL_GROUPS_ASSESSED(Scope.CAMPAIGN, GoalKind.COUNT);

    /** Whether the goal applies to every unit on its own, or to the campaign as a whole. */
    public enum Scope { EACH_UNIT, CAMPAIGN }

    public enum GoalKind { PERCENT, COUNT }

    private final Scope scope;
    private final GoalKind goalKind;

    TargetMetric(Scope scope, GoalKind goalKind) {
        this.scope = scope;
        this.goalKind = goalKind;
    }

    public Scope scope() {
        return scope;
    }

    public GoalKind goalKind() {
        return goalKind;
    }
}
