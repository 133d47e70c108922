package org.campaignledger.simulator.tally;

import java.util.Map;

import org.campaignledger.api.support.PriorityGroup;

/**
 * What the read side must show for one unit (or, summed, for the whole campaign) after the accepted
 * commands. "Staff" are officials, civil servants and public employees (R2); a participant is trained
 * when they completed every course the campaign requires for their role.
 *
 * @param itOfficersActive assigned and not released
 * @param supportPointsOpen opened and not closed
 * @param peopleServed per priority group, every group present
 */
public record UnitFigures(
        int itOfficersActive,
        int itOfficersActiveContracted,
        int staffEnrolled,
        int staffTrained,
        int teamMembersEnrolled,
        int teamMembersTrained,
        int itOfficersEnrolled,
        int itOfficersTrained,
        int courseCompletions,
        int communityTeams,
        int communityTeamMembers,
        int rescueTeams,
        int supportPointsOpened,
        int supportPointsOpen,
        int supportSessions,
        Map<PriorityGroup, Long> peopleServed,
        int connectivityUpgrades,
        int residentialGroupsAssessed,
        int studentVolunteers,
        int telecomEngineers,
        int modelPractices) {

    public UnitFigures {
        peopleServed = Map.copyOf(peopleServed);
    }

    public long peopleServedTotal() {
        return peopleServed.values().stream().mapToLong(Long::longValue).sum();
    }
}
