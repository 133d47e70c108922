package org.campaignledger.query.projection;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.transaction.TransactionManager;

/**
 * One projection's writer during a bulk replay: writes its batches one after the other, in order, each in a
 * transaction of its own on a thread of its own, while the projection folds the next batch. A replay's batches
 * need not commit with anything else (the tokens are stored once, after the last one; a failed replay is
 * started over from a reset), so a batch's fold and the previous batch's writes can overlap.
 * <p>
 * At most one batch is being written: {@link #submit} waits for the one before it. So when a batch is folded,
 * every batch but the last submitted one is committed, and the projection covers that one with
 * {@link #lastSubmitted}.
 */
public final class ReplayWriter implements AutoCloseable {

    private final TransactionManager transactions;
    private final ExecutorService thread;
    private Future<?> writing;
    private Object lastSubmitted;

    public ReplayWriter(TransactionManager transactions, String projection) {
        this.transactions = transactions;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "projection-rebuild-write-" + projection);
            writer.setDaemon(true);
            return writer;
        });
    }

    /**
     * Waits until the batch submitted before is written (failing with its failure), then starts writing this one.
     */
    public <W> void submit(W writes, Consumer<W> write) {
        awaitWritten();
        lastSubmitted = writes;
        writing = thread.submit(() -> transactions.executeInTransaction(() -> write.accept(writes)));
    }

    /** The writes submitted last, committed or not; null before the first or if they are of another type. */
    public <W> W lastSubmitted(Class<W> type) {
        return type.isInstance(lastSubmitted) ? type.cast(lastSubmitted) : null;
    }

    /** Waits until every submitted batch is written; a failed write fails here, and every submit after it. */
    public void awaitWritten() {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a replayed batch was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("a replayed batch could not be written", e.getCause());
        }
    }

    /** Stops the writer, waiting for a write still running (a failed replay is reset after this). */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            thread.shutdownNow();
        }
    }
}
