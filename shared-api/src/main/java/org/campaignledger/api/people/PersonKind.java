package org.campaignledger.api.people;

/** Whose id a person id is: a trained participant's or an IT officer's. */
public enum PersonKind {
    PARTICIPANT("participants"),
    IT_OFFICER("it-officers");

    private final String pathSegment;

    PersonKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** How the kind is named in a URL, e.g. {@code /api/people/participants/p-1}. */
    public String pathSegment() {
        return pathSegment;
    }

    public static PersonKind fromPathSegment(String segment) {
        for (PersonKind kind : values()) {
            if (kind.pathSegment.equals(segment)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be participants or it-officers: " + segment);
    }
}
