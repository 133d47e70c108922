package org.campaignledger.command.training;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.training.ImportReport.RowError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a course-completion file in chunks: each chunk's rows are decided one by one by their
 * participants (the same rules as a single completion), and the accepted ones are appended in one
 * transaction, so a large export costs a few hundred commits rather than one per row. A rejected
 * row never affects the rest of its chunk: it is decided before anything is written.
 */
@Component
class CourseCompletionImporter {

    static final int CHUNK_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(CourseCompletionImporter.class);

    private final Repository<Participant> participants;
    private final TransactionManager transactionManager;
    private final Configuration axon;

    CourseCompletionImporter(Repository<Participant> participants, TransactionManager transactionManager,
                             Configuration axon) {
        this.participants = participants;
        this.transactionManager = transactionManager;
        this.axon = axon;
    }

    ImportReport importFile(CampaignId campaignId, InputStream body, Map<String, Object> metaData) {
        Tally tally = new Tally();
        List<CompletionRow> chunk = new ArrayList<>(CHUNK_SIZE);
        try {
            CompletionCsv.read(body, line -> {
                tally.rows++;
                if (line instanceof CompletionCsv.Unreadable unreadable) {
                    tally.reject(unreadable.line(), "invalid-row", unreadable.reason());
                } else if (line instanceof CompletionCsv.Readable readable) {
                    chunk.add(readable.row());
                    if (chunk.size() == CHUNK_SIZE) {
                        apply(campaignId, chunk, metaData, tally);
                        chunk.clear();
                    }
                }
            });
            apply(campaignId, chunk, metaData, tally);
        } catch (CompletionCsv.UnreadableFileException e) {
            apply(campaignId, chunk, metaData, tally);
            // the unreadable rest counts as one rejected row, so rows = applied + already recorded + rejected
            // still holds (found by the CSV properties in deploy/reliability)
            tally.rows++;
            tally.reject(e.lastGoodLine() + 1, "unreadable-file", e.getMessage() + "; the rest was not read");
        }
        return tally.report();
    }

    private void apply(CampaignId campaignId, List<CompletionRow> chunk, Map<String, Object> metaData, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        // one lock order for every import, so two concurrent imports cannot deadlock on participants
        List<CompletionRow> rows = chunk.stream()
                .sorted(Comparator.comparing((CompletionRow row) -> row.participantId().value())
                        .thenComparingLong(CompletionRow::line))
                .toList();
        Tally chunkTally = new Tally();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new ImportChunk(campaignId, rows.size()))
                        .andMetaData(metaData));
        try {
            unitOfWork.attachTransaction(transactionManager);
            // as the command bus would: each event inherits the audit metadata of the request
            axon.correlationDataProviders().forEach(unitOfWork::registerCorrelationDataProvider);
            for (CompletionRow row : rows) {
                decide(campaignId, row, chunkTally);
            }
            unitOfWork.commit();
            tally.add(chunkTally);
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            log.warn("A chunk of {} rows failed to commit ({}); applying its rows one by one", rows.size(),
                    e.toString());
            if (rows.size() == 1) {
                tally.reject(rows.get(0).line(), "not-recorded", "the row could not be recorded: " + e);
                return;
            }
            for (CompletionRow row : rows) {
                apply(campaignId, List.of(row), metaData, tally);
            }
        }
    }

    private void decide(CampaignId campaignId, CompletionRow row, Tally tally) {
        try {
            participants.load(row.participantId().value()).handle(GenericCommandMessage.asCommandMessage(
                    new CompleteCourseCommand(row.participantId(), campaignId, row.course(), row.completedOn())));
            tally.applied++;
        } catch (AggregateNotFoundException e) {
            tally.reject(row.line(), Rule.PARTICIPANT_NOT_ENROLLED.slug(),
                    "Participant " + row.participantId() + " is not enrolled in campaign " + campaignId + ".");
        } catch (RuleViolation violation) {
            if (violation.rule() == Rule.COURSE_ALREADY_COMPLETED
                    && row.completedOn().toString().equals(violation.facts().get("completedOn"))) {
                tally.alreadyRecorded++;
            } else {
                tally.reject(row.line(), violation.rule().slug(), violation.getMessage());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message a chunk's unit of work carries: its metadata is every event's metadata. */
    record ImportChunk(CampaignId campaignId, int rows) {
    }

    private static final class Tally {
        long rows;
        long applied;
        long alreadyRecorded;
        long rejected;
        final List<RowError> errors = new ArrayList<>();
        boolean truncated;

        void reject(long line, String rule, String reason) {
            rejected++;
            if (errors.size() < ImportReport.MAX_ERRORS) {
                errors.add(new RowError(line, rule, reason));
            } else {
                truncated = true;
            }
        }

        void add(Tally chunk) {
            applied += chunk.applied;
            alreadyRecorded += chunk.alreadyRecorded;
            chunk.errors.forEach(error -> reject(error.line(), error.rule(), error.reason()));
        }

        ImportReport report() {
            List<RowError> sorted = errors.stream().sorted(Comparator.comparingLong(RowError::line)).toList();
            return new ImportReport(rows, applied, alreadyRecorded, rejected, sorted, truncated);
        }
    }
}
