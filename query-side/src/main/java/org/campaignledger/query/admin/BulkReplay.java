package org.campaignledger.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.campaignledger.query.projection.BatchBuffer;
import org.campaignledger.query.projection.ProjectionTransactions;
import org.campaignledger.query.projection.ReplayWriter;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fast way through a rebuild: with the projections' processors stopped and their tokens reset, the log
 * up to the head at the rebuild's start is read once, page by page in log order, and each event is
 * deserialised once. Every projection being rebuilt gets the events its handlers take, in log order, from
 * its own thread: the same event handlers its processor would call, a few thousand events per unit of
 * work and transaction (the projections fold each transaction's events in memory and write them with JDBC
 * batches, as they do live; the progress projection, whose writes take longer than its folding, hands each
 * chunk's writes to a {@link ReplayWriter} and folds the next meanwhile). Then every segment's token is set
 * where the processor would have left it after those events, gaps included, so events committed meanwhile
 * (above the head, or filling a gap below it) are still applied once, by the processor, when it starts again.
 * <p>
 * Axon's processor does the same work one fetch of 100 events and one batch at a time, hands each
 * event to every segment's work package and measures each message; that bookkeeping, not the
 * projections' SQL, is what kept rebuilds near 1–2k events/s (docs/PERFORMANCE.md, B4).
 */
@Component
class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);
    /** As Axon's JDBC engine: missing indexes further back than this are not gaps any more. */
    private static final int MAX_GAP_OFFSET = 10_000;
    /** Chunks read ahead of the slowest projection: bounds the memory a rebuild holds. */
    private static final int CHUNKS_AHEAD = 2;
    /** Well inside the claim timeout (10 s by default). */
    private static final long CLAIM_EXTENSION_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Events for one projection's transaction, in log order; {@code allTaken}: each has a handler in it,
     * known from its stored type.
     */
    private record Chunk(List<TrackedEventMessage<?>> messages, boolean allTaken) {
    }

    /** One projection being rebuilt: its stopped processor, its handlers and the chunks waiting for them. */
    private final class Target {
        final String name;
        final EventHandlerInvoker handlers;
        final int[] segments;
        final List<TrackingToken> resetTokens = new ArrayList<>();
        final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        /** Writes the chunks of a projection that folds and writes them apart, while it folds the next. */
        final ReplayWriter writer;
        Future<?> applying;

        Target(AbstractEventProcessor processor) {
            this.name = processor.getName();
            this.handlers = processor.eventHandlerInvoker();
            this.segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
            this.writer = new ReplayWriter(transactionManager, name);
        }

        /** Applies chunks in order until the empty one that ends the replay, and waits until they are written. */
        void applyAll() throws Exception {
            for (Chunk chunk = chunks.take(); !chunk.messages().isEmpty(); chunk = chunks.take()) {
                apply(chunk.messages(), handlers, chunk.allTaken(), writer);
            }
            writer.awaitWritten();
        }

        /** Queues the chunk, waiting while the projection is two chunks behind, claims kept meanwhile. */
        void offer(Chunk chunk, Runnable whileWaiting) throws Exception {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                whileWaiting.run();
                if (applying.isDone()) {
                    applying.get(); // its failure, or an end before the end of the log
                    throw new IllegalStateException("replay of " + name + " ended early");
                }
            }
        }
    }

    /** The claims of one replay's segments, extended as it goes. */
    private final class Claims {
        final List<Target> targets;
        long extendedAt = System.nanoTime();

        Claims(List<Target> targets) {
            this.targets = targets;
        }

        /**
         * Extends every segment's claim if the last extension is older than
         * {@link #CLAIM_EXTENSION_INTERVAL_NANOS}: called while reading and while waiting for a projection, so
         * a slow transaction (a loaded machine) cannot let a claim time out and another node start the same
         * replay.
         */
        void keep() {
            long now = System.nanoTime();
            if (now - extendedAt < CLAIM_EXTENSION_INTERVAL_NANOS) {
                return;
            }
            extendedAt = now;
            transactionManager.executeInTransaction(() -> {
                for (Target target : targets) {
                    for (int segment : target.segments) {
                        tokenStore.extendClaim(target.name, segment);
                    }
                }
            });
        }
    }

    private final DataSource dataSource;
    private final TransactionManager transactionManager;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final Configuration axon;
    private final int eventsPerTransaction;
    /** Without upcasters a stored payload type is the type the handlers see, so it can be checked unread. */
    private final boolean filterByStoredType;

    BulkReplay(DataSource dataSource, ProjectionTransactions transactions, TokenStore tokenStore,
               @Qualifier("eventSerializer") Serializer serializer, Configuration axon,
               ObjectProvider<EventUpcaster> registeredUpcasters,
               @Value("${campaign-ledger.rebuild.events-per-transaction:5000}") int eventsPerTransaction) {
        this.dataSource = dataSource;
        this.transactionManager = transactions.manager();
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.axon = axon;
        this.eventsPerTransaction = eventsPerTransaction;
        this.filterByStoredType = registeredUpcasters.stream().findAny().isEmpty();
    }

    /**
     * Applies every event with a global index up to {@code head} to the (stopped, reset) processors' handlers
     * and moves their tokens past them. During the replay it holds every segment's claim, so no other node
     * starts the same replay meanwhile.
     *
     * @return how many events were read
     */
    long replay(List<AbstractEventProcessor> processors, long head) throws Exception {
        List<Target> targets = processors.stream().map(Target::new).toList();
        transactionManager.executeInTransaction(() -> {
            for (Target target : targets) {
                for (int segment : target.segments) {
                    target.resetTokens.add(tokenStore.fetchToken(target.name, segment));
                }
            }
        });
        ExecutorService appliers = Executors.newFixedThreadPool(targets.size(), runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-apply");
            thread.setDaemon(true);
            return thread;
        });
        try {
            EventUpcaster upcasters = axon.upcasterChain();
            for (Target target : targets) {
                target.applying = appliers.submit(() -> {
                    target.applyAll();
                    return null;
                });
            }
            TreeSet<Long> gaps = new TreeSet<>();
            long[] lastAndRead = read(targets, head, gaps, upcasters, new Claims(targets));
            for (Target target : targets) {
                target.applying.get();
            }
            long last = lastAndRead[0];
            long read = lastAndRead[1];
            gaps.headSet(last - MAX_GAP_OFFSET, true).clear();
            TrackingToken position = read == 0 ? null : GapAwareTrackingToken.newInstance(last, gaps);
            transactionManager.executeInTransaction(() -> {
                for (Target target : targets) {
                    for (int i = 0; i < target.segments.length; i++) {
                        TrackingToken reset = target.resetTokens.get(i);
                        TrackingToken advanced = position == null ? reset
                                : reset instanceof ReplayToken replay ? replay.advancedTo(position) : position;
                        tokenStore.storeToken(advanced, target.name, target.segments[i]);
                    }
                }
            });
            log.info("Bulk replay of {}: {} events up to index {} ({} open gaps)",
                    targets.stream().map(t -> t.name).toList(), read, last, gaps.size());
            return read;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            appliers.shutdownNow();
            appliers.awaitTermination(1, TimeUnit.MINUTES);
            for (Target target : targets) {
                target.writer.close();
            }
            // as a processor releasing a segment: the dead-letter cache filled for the root segment is dropped,
            // so it cannot answer for a segment of the same id that this node claims later
            for (Target target : targets) {
                target.handlers.segmentReleased(Segment.ROOT_SEGMENT);
            }
            transactionManager.executeInTransaction(() -> {
                for (Target target : targets) {
                    for (int segment : target.segments) {
                        tokenStore.releaseClaim(target.name, segment);
                    }
                }
            });
        }
    }

    /**
     * Reads the log once and hands each target, chunk by chunk, the events it takes, deserialised here once
     * for all of them; ends every target's queue with an empty chunk.
     *
     * @return the last index read and the number of events read
     */
    private long[] read(List<Target> targets, long head, TreeSet<Long> gaps, EventUpcaster upcasters,
                        Claims claims)
            throws Exception {
        // the global index starts at 1 (BIGSERIAL); as Axon's engine, everything missing above that is a gap
        long last = 0;
        long read = 0;
        List<TrackedEventData<byte[]>> chunk = new ArrayList<>(eventsPerTransaction);
        List<boolean[]> chunkTakenBy = new ArrayList<>(eventsPerTransaction);
        Map<String, boolean[]> takenBy = new HashMap<>();
        boolean[] everyone = new boolean[targets.size()];
        Arrays.fill(everyone, true);
        try (Connection pages = dataSource.getConnection()) {
            // page by page, each page its own short snapshot: one snapshot held open through a long replay
            // keeps every row version the projections' own transactions leave behind from being pruned, and
            // their upserts then walk ever longer version chains (a rebuild at scale 0.25 did not finish).
            // Only the columns an event message needs; the chain's hashes and the search columns stay behind.
            pages.setAutoCommit(true);
            pages.setReadOnly(true);
            try (PreparedStatement page = pages.prepareStatement("SELECT global_index, event_identifier,"
                    + " aggregate_identifier, sequence_number, type, recorded_at, payload_type, payload_revision,"
                    + " payload, meta_data FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                    + " ORDER BY global_index LIMIT ?")) {
                // a server-prepared statement from the first run: results in binary, bytea not hex-encoded
                page.unwrap(PGStatement.class).setPrepareThreshold(-1);
                int rowsInPage;
                do {
                    rowsInPage = 0;
                    page.setLong(1, last);
                    page.setLong(2, head);
                    page.setInt(3, eventsPerTransaction);
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            rowsInPage++;
                            long index = rows.getLong(1);
                            for (long missing = Math.max(last + 1, index - MAX_GAP_OFFSET + 1); missing < index;
                                 missing++) {
                                gaps.add(missing);
                            }
                            last = index;
                            read++;
                            // an event no projection being rebuilt takes is not deserialised at all
                            boolean[] taken = filterByStoredType
                                    ? takenBy.computeIfAbsent(rows.getString(7), type -> takenBy(targets, type))
                                    : everyone;
                            if (any(taken)) {
                                chunk.add(entry(rows, index));
                                chunkTakenBy.add(taken);
                            }
                        }
                    }
                    if (chunk.size() >= eventsPerTransaction || rowsInPage < eventsPerTransaction) {
                        dispatch(chunk, chunkTakenBy, targets, upcasters, claims);
                        chunk = new ArrayList<>(eventsPerTransaction);
                        chunkTakenBy = new ArrayList<>(eventsPerTransaction);
                    }
                    claims.keep();
                } while (rowsInPage == eventsPerTransaction);
            }
        }
        for (Target target : targets) {
            target.offer(new Chunk(List.of(), true), () -> claims.keep());
        }
        return new long[] {last, read};
    }

    /** Deserialises the chunk once and queues, for every target, the events its handlers take. */
    private void dispatch(List<TrackedEventData<byte[]>> chunk, List<boolean[]> takenBy, List<Target> targets,
                          EventUpcaster upcasters, Claims claims) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(chunk.stream(),
                serializer, upcasters).toList();
        List<List<TrackedEventMessage<?>>> perTarget = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            perTarget.add(new ArrayList<>(messages.size()));
        }
        // without upcasters (the only case in which events are filtered) one stored event is one message
        boolean oneToOne = messages.size() == chunk.size();
        for (int m = 0; m < messages.size(); m++) {
            TrackedEventMessage<?> message = messages.get(m);
            message.getPayload(); // deserialised here, once, not by each projection's thread
            for (int t = 0; t < targets.size(); t++) {
                if (!oneToOne || takenBy.get(m)[t]) {
                    perTarget.get(t).add(message);
                }
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            if (!perTarget.get(t).isEmpty()) {
                targets.get(t).offer(new Chunk(perTarget.get(t), oneToOne && filterByStoredType),
                        () -> claims.keep());
            }
        }
    }

    /**
     * @param allTaken every message's payload type has a handler (checked by stored type when it was read):
     *                 no need to ask again per message, {@code handle} finds the handler itself
     */
    private void apply(List<TrackedEventMessage<?>> chunk, EventHandlerInvoker handlers, boolean allTaken,
                       ReplayWriter writer) throws Exception {
        // as the processor runs a batch: one unit of work over the messages, each the current message in turn
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(chunk);
        unitOfWork.attachTransaction(transactionManager);
        BatchBuffer.markFirstDelivery(unitOfWork); // the reset emptied the tables; the log is read once
        BatchBuffer.deferWrites(unitOfWork, writer); // its tokens are stored after the last chunk: no need to wait
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            if (allTaken || handlers.canHandle(message, Segment.ROOT_SEGMENT)) {
                handlers.handle(message, Segment.ROOT_SEGMENT);
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
    }

    private boolean[] takenBy(List<Target> targets, String payloadType) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(payloadType, null));
        boolean[] taken = new boolean[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            taken[t] = type == UnknownSerializedType.class || targets.get(t).handlers.canHandleType(type);
        }
        return taken;
    }

    private static boolean any(boolean[] taken) {
        for (boolean t : taken) {
            if (t) {
                return true;
            }
        }
        return false;
    }

    private static TrackedEventData<byte[]> entry(ResultSet rows, long index) throws SQLException {
        OffsetDateTime recordedAt = rows.getObject(6, OffsetDateTime.class);
        String revision = rows.getString(8);
        // to the millisecond, as the processors see it: Axon's entry keeps the time as text of that precision
        Instant timestamp = recordedAt.toInstant().truncatedTo(ChronoUnit.MILLIS);
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), new StoredEvent(
                rows.getString(5), rows.getString(3), rows.getLong(4), rows.getString(2), timestamp,
                new SimpleSerializedObject<>(rows.getBytes(9), byte[].class, rows.getString(7), revision),
                new SerializedMetaData<>(rows.getBytes(10), byte[].class)));
    }

    /**
     * A stored event as read, its time kept as an {@link Instant}. Axon's {@code GenericDomainEventEntry} keeps it
     * as ISO text (to the millisecond) and parses it again on {@code getTimestamp()}: a formatting on the reader's
     * thread and a parse on a projection's, each about 1 KB of garbage, for every event of a rebuild.
     */
    private record StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                               Instant timestamp, SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData)
            implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }
}
