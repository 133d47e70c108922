package org.campaignledger.command.training;

import java.util.List;

/**
 * The outcome of a course-completion import. Every data row is counted exactly once: applied,
 * already recorded (the same completion on the same date; a re-import adds nothing), or rejected,
 * and every rejected row is listed with its line number and reason (up to {@code MAX_ERRORS}).
 */
public record ImportReport(
        long rows, long applied, long alreadyRecorded, long rejected, List<RowError> errors, boolean errorsTruncated) {

    public static final int MAX_ERRORS = 10_000;

    /** @param rule the broken rule's problem slug, or {@code invalid-row} for a row that could not be read */
    public record RowError(long line, String rule, String reason) {
    }
}
