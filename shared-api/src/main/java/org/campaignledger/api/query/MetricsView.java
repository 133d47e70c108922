package org.campaignledger.api.query;

import java.math.BigDecimal;
import java.util.Map;
import org.campaignledger.api.support.PriorityGroup;

/**
 * Every campaign metric at one business date, for one unit ({@code unitCount = 1}) or city-wide.
 * Coverage figures count units; percentages have one decimal and are 0 when nothing is enrolled.
 */
public record MetricsView(
        int unitCount,
        long itOfficersStaff,
        long itOfficersContracted,
        long unitsWithItOfficer,
        BigDecimal itOfficerCoveragePercent,
        long staffEnrolled,
        long staffTrained,
        BigDecimal staffTrainedPercent,
        long teamMembersEnrolled,
        long teamMembersTrained,
        BigDecimal teamMembersTrainedPercent,
        long itOfficerParticipantsEnrolled,
        long itOfficerParticipantsTrained,
        long communityTeams,
        long communityTeamMembers,
        long rescueTeams,
        long unitsWithRescueTeam,
        BigDecimal rescueTeamCoveragePercent,
        long supportPointsOpen,
        long unitsWithOpenSupportPoint,
        BigDecimal supportPointCoveragePercent,
        long supportSessions,
        Map<PriorityGroup, Long> peopleServed,
        long peopleServedTotal,
        long connectivityFixedBroadband,
        long connectivityFiveG,
        long studentVolunteers,
        long telecomEngineers,
        long residentialGroupsAssessed,
        long modelPractices) {
}
