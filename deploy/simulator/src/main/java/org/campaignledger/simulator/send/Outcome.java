package org.campaignledger.simulator.send;

/**
 * What the platform answered to one command. A rejection is an answer (the command broke a rule and
 * nothing was recorded); a failure is not (the platform could not answer, even after retries).
 *
 * @param problemType for a rejection, the problem type's slug, e.g. {@code course-already-completed}
 * @param detail a human-readable reason for rejections and failures
 */
public record Outcome(Kind kind, String problemType, String detail) {

    public enum Kind { ACCEPTED, REJECTED, FAILED }

    private static final Outcome ACCEPTED = new Outcome(Kind.ACCEPTED, null, null);

    public static Outcome accepted() {
        return ACCEPTED;
    }

    public static Outcome rejected(String problemType, String detail) {
        return new Outcome(Kind.REJECTED, problemType, detail);
    }

    public static Outcome failed(String detail) {
        return new Outcome(Kind.FAILED, null, detail);
    }

    public boolean isAccepted() {
        return kind == Kind.ACCEPTED;
    }

    /**
     * The slug of a problem type URI: {@code /problems/course-already-completed} and
     * {@code https://example.org/problems/course-already-completed} both give {@code course-already-completed}.
     */
    public static String slugOf(String problemType) {
        String trimmed = problemType.endsWith("/") ? problemType.substring(0, problemType.length() - 1) : problemType;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
