package org.campaignledger.api.training;

/** The role a participant is trained in; the campaign requires a set of courses per role. */
public enum ParticipantRole {
    OFFICIAL,
    CIVIL_SERVANT,
    PUBLIC_EMPLOYEE,
    TEAM_MEMBER,
    IT_OFFICER;

    /** Officials, civil servants and public employees: the staff that target R2 counts. */
    public boolean isStaff() {
        return this == OFFICIAL || this == CIVIL_SERVANT || this == PUBLIC_EMPLOYEE;
    }
}
