package org.campaignledger.query.progress;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.training.ParticipantRole;

/**
 * The additive measures kept per unit and day: each fact adds to or takes from some of them on its
 * business day. Every derived figure (coverage, percentages, targets) is computed from their running sums.
 */
enum Measure {
    IT_OFFICERS_STAFF,
    IT_OFFICERS_CONTRACTED,
    STAFF_ENROLLED,
    STAFF_TRAINED,
    TEAM_MEMBERS_ENROLLED,
    TEAM_MEMBERS_TRAINED,
    IT_OFFICER_PARTICIPANTS_ENROLLED,
    IT_OFFICER_PARTICIPANTS_TRAINED,
    COMMUNITY_TEAMS,
    COMMUNITY_TEAM_MEMBERS,
    RESCUE_TEAMS,
    SUPPORT_POINTS_OPEN,
    SUPPORT_SESSIONS,
    PEOPLE_SERVED_ELDERLY,
    PEOPLE_SERVED_DISABLED,
    PEOPLE_SERVED_POOR_HOUSEHOLD,
    PEOPLE_SERVED_NEAR_POOR_HOUSEHOLD,
    PEOPLE_SERVED_OTHER,
    CONNECTIVITY_FIXED_BROADBAND,
    CONNECTIVITY_FIVE_G,
    STUDENT_VOLUNTEERS,
    TELECOM_ENGINEERS,
    RESIDENTIAL_GROUPS_ASSESSED,
    MODEL_PRACTICES;

    static final int COUNT = values().length;

    /** The measure columns in declaration order, comma separated, for generated SQL. */
    static final String COLUMNS = Arrays.stream(values()).map(Measure::column).collect(Collectors.joining(", "));

    String column() {
        return name().toLowerCase();
    }

    static Measure peopleServed(PriorityGroup group) {
        return valueOf("PEOPLE_SERVED_" + group.name());
    }

    static Measure enrolled(ParticipantRole role) {
        return switch (role) {
            case OFFICIAL, CIVIL_SERVANT, PUBLIC_EMPLOYEE -> STAFF_ENROLLED;
            case TEAM_MEMBER -> TEAM_MEMBERS_ENROLLED;
            case IT_OFFICER -> IT_OFFICER_PARTICIPANTS_ENROLLED;
        };
    }

    static Measure trained(ParticipantRole role) {
        return switch (role) {
            case OFFICIAL, CIVIL_SERVANT, PUBLIC_EMPLOYEE -> STAFF_TRAINED;
            case TEAM_MEMBER -> TEAM_MEMBERS_TRAINED;
            case IT_OFFICER -> IT_OFFICER_PARTICIPANTS_TRAINED;
        };
    }
}
