package org.campaignledger.command.training;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies a course-completion file in chunks: each chunk's rows are decided one by one by their
 * participants (the same rules as a single completion), and the accepted ones are appended in one
 * transaction, so a large export costs a few hundred commits rather than one per row. A rejected
 * row never affects the rest of its chunk: it is decided before anything is written.
 * <p>
 * Chunks are applied by {@code campaign-ledger.command.import.workers} workers at once, each on its own
 * connection: the request's thread reads the file and hands each row to the worker of its participant
 * (by the hash of the participant's id), so one participant's rows are decided in file order by one
 * worker, and two workers never hold the same aggregate. Each worker decides and commits its own chunks
 * of up to {@link #CHUNK_SIZE} rows; the reader waits while a worker has {@link #QUEUED_CHUNKS} chunks
 * waiting, so a large file is never held in memory. The report is given only when every worker has
 * committed or rejected every row it was handed.
 */
@Component
class CourseCompletionImporter implements DisposableBean {

    static final int CHUNK_SIZE = 500;
    /** How many full chunks may wait for a worker before the reader waits for it. */
    static final int QUEUED_CHUNKS = 2;
    private static final List<CompletionRow> END = List.of();
    private static final Logger log = LoggerFactory.getLogger(CourseCompletionImporter.class);

    private final Repository<Participant> participants;
    private final TransactionManager transactionManager;
    private final Configuration axon;
    private final int workers;
    private final ExecutorService threads;

    CourseCompletionImporter(Repository<Participant> participants, TransactionManager transactionManager,
                             Configuration axon, @Value("${campaign-ledger.command.import.workers:2}") int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("campaign-ledger.command.import.workers must be at least 1: " + workers);
        }
        this.participants = participants;
        this.transactionManager = transactionManager;
        this.axon = axon;
        this.workers = workers;
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "course-completion-import-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    ImportReport importFile(CampaignId campaignId, InputStream body, Map<String, Object> metaData) {
        ImportTally reading = new ImportTally();
        List<Worker> partitions = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            Worker worker = new Worker(campaignId, metaData);
            worker.done = threads.submit(worker);
            partitions.add(worker);
        }
        try {
            try {
                CompletionCsv.read(body, line -> {
                    reading.rows++;
                    if (line instanceof CompletionCsv.Unreadable unreadable) {
                        reading.reject(unreadable.line(), "invalid-row", unreadable.reason());
                    } else if (line instanceof CompletionCsv.Readable readable) {
                        CompletionRow row = readable.row();
                        partitions.get(Math.floorMod(row.participantId().value().hashCode(), workers)).add(row);
                    }
                });
            } catch (CompletionCsv.UnreadableFileException e) {
                // the unreadable rest counts as one rejected row, so rows = applied + already recorded + rejected
                // still holds (found by the CSV properties in deploy/reliability)
                reading.rows++;
                reading.reject(e.lastGoodLine() + 1, "unreadable-file", e.getMessage() + "; the rest was not read");
            }
            finish(partitions, true);
        } catch (RuntimeException | Error e) {
            // a file without the required columns, a failed reader or worker: what was handed over is still
            // applied before the answer, so nothing of this request runs on after it
            finish(partitions, false);
            partitions.forEach(Worker::awaitQuietly);
            throw e;
        }
        List<ImportTally> tallies = new ArrayList<>(List.of(reading));
        for (Worker worker : partitions) {
            tallies.add(worker.await());
        }
        return ImportTally.report(tallies);
    }

    /** Hands each worker its last rows (if {@code flush}) and the end of the file, even if one has stopped. */
    private static void finish(List<Worker> partitions, boolean flush) {
        RuntimeException first = null;
        for (Worker worker : partitions) {
            try {
                worker.finish(flush);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    /** Applies the chunks of one partition of one file, in the order handed over, on a thread of its own. */
    private final class Worker implements Runnable {

        private final CampaignId campaignId;
        private final Map<String, Object> metaData;
        private final BlockingQueue<List<CompletionRow>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final ImportTally tally = new ImportTally();
        /** The reader's rows not yet handed over; only the reader's thread touches it. */
        private List<CompletionRow> pending = new ArrayList<>(CHUNK_SIZE);
        private Future<?> done;
        private volatile Throwable failure;

        Worker(CampaignId campaignId, Map<String, Object> metaData) {
            this.campaignId = campaignId;
            this.metaData = metaData;
        }

        void add(CompletionRow row) {
            pending.add(row);
            if (pending.size() == CHUNK_SIZE) {
                handOver(pending);
                pending = new ArrayList<>(CHUNK_SIZE);
            }
        }

        void finish(boolean flush) {
            if (pending == null) {
                return;
            }
            List<CompletionRow> last = pending;
            pending = null;
            if (flush && !last.isEmpty()) {
                handOver(last);
            }
            handOver(END);
        }

        @Override
        public void run() {
            try {
                for (List<CompletionRow> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    if (failure == null) {
                        try {
                            apply(campaignId, chunk, metaData, tally);
                        } catch (Throwable e) {
                            // keeps taking chunks, so the reader is never left waiting for this worker
                            failure = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                failure = e;
            }
        }

        private void handOver(List<CompletionRow> chunk) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        if (queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                            return;
                        }
                        if (done.isDone()) {
                            throw new WorkerFailedException("an import worker stopped", failure);
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Waits until every chunk handed over was applied; then this worker's tally is final. */
        ImportTally await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        done.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw new WorkerFailedException("an import worker failed", e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw new WorkerFailedException("an import worker failed; the rows it had not committed were not "
                        + "recorded", failure);
            }
            return tally;
        }

        void awaitQuietly() {
            try {
                await();
            } catch (RuntimeException e) {
                log.warn("An import worker failed after its import failed", e);
            }
        }
    }

    private void apply(CampaignId campaignId, List<CompletionRow> chunk, Map<String, Object> metaData,
                       ImportTally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        // one lock order for every import, so two concurrent imports cannot deadlock on participants
        List<CompletionRow> rows = chunk.stream()
                .sorted(Comparator.comparing((CompletionRow row) -> row.participantId().value())
                        .thenComparingLong(CompletionRow::line))
                .toList();
        ImportTally chunkTally = new ImportTally();
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

    private void decide(CampaignId campaignId, CompletionRow row, ImportTally tally) {
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

    /**
     * A worker stopped before it had decided every row handed to it (an error no chunk fallback could handle).
     * Not an {@link IllegalStateException}: {@link CompletionCsv} would take that for an unreadable file.
     */
    static final class WorkerFailedException extends RuntimeException {
        WorkerFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The message a chunk's unit of work carries: its metadata is every event's metadata. */
    record ImportChunk(CampaignId campaignId, int rows) {
    }
}
