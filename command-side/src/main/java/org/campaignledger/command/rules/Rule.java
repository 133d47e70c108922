package org.campaignledger.command.rules;

/**
 * Every rule a command can break. The slug is the problem type ({@code /problems/{slug}}) clients
 * match on: never rename one. {@link Kind} decides the HTTP status.
 */
public enum Rule {
    CAMPAIGN_NOT_FOUND("campaign-not-found", Kind.NOT_FOUND, "Unknown campaign"),
    CAMPAIGN_ALREADY_LAUNCHED("campaign-already-launched", Kind.CONFLICT, "Campaign already launched"),
    CAMPAIGN_ALREADY_CLOSED("campaign-already-closed", Kind.CONFLICT, "Campaign already closed"),
    INVALID_CAMPAIGN_DEFINITION("invalid-campaign-definition", Kind.UNPROCESSABLE, "Invalid campaign definition"),
    UNIT_NOT_IN_CAMPAIGN("unit-not-in-campaign", Kind.NOT_FOUND, "Unit not in campaign"),
    DATE_BEFORE_CAMPAIGN_START("date-before-campaign-start", Kind.UNPROCESSABLE, "Date before the campaign start"),
    DATE_AFTER_CAMPAIGN_END("date-after-campaign-end", Kind.UNPROCESSABLE, "Date after the campaign's last day"),
    DATE_IN_FUTURE("date-in-future", Kind.UNPROCESSABLE, "Date in the future"),
    DATE_AFTER_CAMPAIGN_CLOSED("date-after-campaign-closed", Kind.UNPROCESSABLE, "Date after the campaign was closed"),
    IT_OFFICER_ALREADY_ASSIGNED("it-officer-already-assigned", Kind.CONFLICT, "IT officer already assigned"),
    IT_OFFICER_NOT_ASSIGNED("it-officer-not-assigned", Kind.CONFLICT, "IT officer not assigned"),
    RELEASE_BEFORE_ASSIGNMENT("release-before-assignment", Kind.UNPROCESSABLE, "Release dated before the assignment"),
    TEAM_ALREADY_FORMED("team-already-formed", Kind.CONFLICT, "Team already formed"),
    MODEL_PRACTICE_ALREADY_NOMINATED("model-practice-already-nominated", Kind.CONFLICT,
            "Model practice already nominated"),
    VOLUNTEER_PERIOD_INVALID("volunteer-period-invalid", Kind.UNPROCESSABLE, "Volunteer period invalid"),
    PARTICIPANT_ALREADY_ENROLLED("participant-already-enrolled", Kind.CONFLICT, "Participant already enrolled"),
    PARTICIPANT_NOT_ENROLLED("participant-not-enrolled", Kind.CONFLICT, "Participant not enrolled"),
    COURSE_NOT_IN_CAMPAIGN("course-not-in-campaign", Kind.UNPROCESSABLE, "Course not in the campaign's catalogue"),
    COURSE_ALREADY_COMPLETED("course-already-completed", Kind.CONFLICT, "Course already completed"),
    COMPLETION_BEFORE_ENROLMENT("completion-before-enrolment", Kind.UNPROCESSABLE, "Completion dated before enrolment"),
    SUPPORT_POINT_ALREADY_OPENED("support-point-already-opened", Kind.CONFLICT, "Support point already opened"),
    SUPPORT_POINT_NOT_FOUND("support-point-not-found", Kind.NOT_FOUND, "Unknown support point"),
    SUPPORT_POINT_CLOSED("support-point-closed", Kind.CONFLICT, "Support point closed"),
    SESSION_BEFORE_OPENING("session-before-opening", Kind.UNPROCESSABLE, "Session dated before the point opened"),
    CLOSING_BEFORE_OPENING("closing-before-opening", Kind.UNPROCESSABLE, "Closing dated before opening"),
    SESSION_WITHOUT_PEOPLE("session-without-people", Kind.UNPROCESSABLE, "Session served nobody"),
    VERSION_MISMATCH("version-mismatch", Kind.PRECONDITION_FAILED, "Version mismatch"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", Kind.CONFLICT, "Idempotency key reused with another request"),
    UNIT_NOT_PERMITTED("unit-not-permitted", Kind.FORBIDDEN, "Not permitted for this unit"),
    PERSON_FORGOTTEN("person-forgotten", Kind.CONFLICT, "Person's personal data was erased");

    /** How a broken rule is answered: the HTTP status follows from it. */
    public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE, PRECONDITION_FAILED, FORBIDDEN }

    private final String slug;
    private final Kind kind;
    private final String title;

    Rule(String slug, Kind kind, String title) {
        this.slug = slug;
        this.kind = kind;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
