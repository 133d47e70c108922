package org.campaignledger.command.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.campaignledger.command.training.ImportReport.RowError;

/**
 * One thread's count of an import's rows. The reader and each worker keep their own; {@link #report}
 * adds them up. Of the rejected rows it keeps those of the lowest lines, up to the report's cap, so the
 * report is the same whichever worker decided a row first.
 */
final class ImportTally {

    private static final Comparator<RowError> BY_LINE = Comparator.comparingLong(RowError::line);

    long rows;
    long applied;
    long alreadyRecorded;
    long rejected;
    private final List<RowError> errors = new ArrayList<>();

    void reject(long line, String rule, String reason) {
        rejected++;
        errors.add(new RowError(line, rule, reason));
        if (errors.size() >= 2 * ImportReport.MAX_ERRORS) {
            keepLowestLines(errors);
        }
    }

    /** Adds a committed chunk's outcome. */
    void add(ImportTally chunk) {
        applied += chunk.applied;
        alreadyRecorded += chunk.alreadyRecorded;
        chunk.errors.forEach(error -> reject(error.line(), error.rule(), error.reason()));
    }

    static ImportReport report(List<ImportTally> tallies) {
        List<RowError> errors = new ArrayList<>(tallies.stream().flatMap(tally -> tally.errors.stream()).toList());
        keepLowestLines(errors);
        long rejected = tallies.stream().mapToLong(tally -> tally.rejected).sum();
        return new ImportReport(tallies.stream().mapToLong(tally -> tally.rows).sum(),
                tallies.stream().mapToLong(tally -> tally.applied).sum(),
                tallies.stream().mapToLong(tally -> tally.alreadyRecorded).sum(),
                rejected, List.copyOf(errors), rejected > errors.size());
    }

    private static void keepLowestLines(List<RowError> errors) {
        errors.sort(BY_LINE);
        if (errors.size() > ImportReport.MAX_ERRORS) {
            errors.subList(ImportReport.MAX_ERRORS, errors.size()).clear();
        }
    }
}
