package org.campaignledger.platform.security;

/** What a caller may do. A caller has exactly one role. */
public enum Role {
    /** Records facts for the units they are bound to, and reads those units' personal data. */
    UNIT_OFFICER,
    /** The Department of Science and Technology: launches and closes campaigns, records for any unit, administers. */
    DEPARTMENT,
    /** Reads everything, the audit trail and personal data included; writes nothing. */
    AUDITOR,
    /** Dashboards and aggregated figures only: no personal data, no audit trail. */
    VIEWER;

    /** The Spring Security authority that carries this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
