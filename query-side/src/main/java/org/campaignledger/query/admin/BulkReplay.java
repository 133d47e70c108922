package org.campaignledger.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The fast way through a rebuild: with the projection's processor stopped and its tokens reset, the log
 * up to the head at the rebuild's start is read with one forward-only cursor and handed to the same
 * event handlers the processor would call, in log order, a few thousand events per transaction (the
 * projections fold each transaction's events in memory and write them with JDBC batches). Then every
 * segment's token is set where the processor would have left it after those events, gaps included,
 * so events committed meanwhile (above the head, or filling a gap below it) are still applied once, by
 * the processor, when it starts again.
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

    private final DataSource dataSource;
    private final TransactionManager transactionManager;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final Configuration axon;
    private final int eventsPerTransaction;
    /** Without upcasters a stored payload type is the type the handlers see, so it can be checked unread. */
    private final boolean filterByStoredType;

    BulkReplay(DataSource dataSource, TransactionManager transactionManager, TokenStore tokenStore,
               @Qualifier("eventSerializer") Serializer serializer, Configuration axon,
               ObjectProvider<EventUpcaster> registeredUpcasters,
               @org.springframework.beans.factory.annotation.Value(
                       "${campaign-ledger.rebuild.events-per-transaction:5000}") int eventsPerTransaction) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.axon = axon;
        this.eventsPerTransaction = eventsPerTransaction;
        this.filterByStoredType = registeredUpcasters.stream().findAny().isEmpty();
    }

    /**
     * Applies every event with a global index up to {@code head} to the (stopped, reset) processor's handlers and
     * moves its tokens past them.
     *
     * @return how many events were read
     */
    long replay(String processingGroup, AbstractEventProcessor processor, long head) throws Exception {
        String name = processor.getName();
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        // claim every segment for the time of the replay, so no other node starts the same replay meanwhile
        List<TrackingToken> resetTokens = new ArrayList<>();
        transactionManager.executeInTransaction(() -> {
            for (int segment : segments) {
                resetTokens.add(tokenStore.fetchToken(name, segment));
            }
        });
        try {
            EventHandlerInvoker handlers = processor.eventHandlerInvoker();
            EventUpcaster upcasters = axon.upcasterChain();
            TreeSet<Long> gaps = new TreeSet<>();
            long read = 0;
            // the global index starts at 1 (BIGSERIAL); as Axon's engine, everything missing above that is a gap
            long last = 0;
            try (Connection cursor = dataSource.getConnection()) {
                cursor.setAutoCommit(false);
                cursor.setReadOnly(true);
                try (PreparedStatement statement = cursor.prepareStatement("SELECT global_index, event_identifier,"
                        + " aggregate_identifier, sequence_number, type, recorded_at, payload_type, payload_revision,"
                        + " payload, meta_data FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index")) {
                    statement.setFetchSize(eventsPerTransaction);
                    statement.setLong(1, head);
                    try (ResultSet rows = statement.executeQuery()) {
                        List<TrackedEventData<byte[]>> chunk = new ArrayList<>(eventsPerTransaction);
                        Map<String, Boolean> handled = new HashMap<>();
                        while (rows.next()) {
                            long index = rows.getLong(1);
                            for (long missing = Math.max(last + 1, index - MAX_GAP_OFFSET + 1); missing < index;
                                 missing++) {
                                gaps.add(missing);
                            }
                            last = index;
                            read++;
                            // an event no handler of this projection takes is not deserialised at all
                            if (!filterByStoredType || handled.computeIfAbsent(rows.getString(7),
                                    type -> handles(handlers, type))) {
                                chunk.add(entry(rows, index));
                            }
                            if (chunk.size() == eventsPerTransaction) {
                                apply(chunk, handlers, upcasters);
                                chunk.clear();
                            }
                            if (read % eventsPerTransaction == 0) {
                                extendClaims(name, segments);
                            }
                        }
                        apply(chunk, handlers, upcasters);
                    }
                } finally {
                    cursor.rollback();
                }
            }
            long lastApplied = last;
            gaps.headSet(lastApplied - MAX_GAP_OFFSET, true).clear();
            TrackingToken position = read == 0 ? null : GapAwareTrackingToken.newInstance(lastApplied, gaps);
            transactionManager.executeInTransaction(() -> {
                for (int i = 0; i < segments.length; i++) {
                    TrackingToken reset = resetTokens.get(i);
                    TrackingToken advanced = position == null ? reset
                            : reset instanceof ReplayToken replay ? replay.advancedTo(position) : position;
                    tokenStore.storeToken(advanced, name, segments[i]);
                }
            });
            log.info("Bulk replay of {}: {} events up to index {} ({} open gaps)", processingGroup, read,
                    lastApplied, gaps.size());
            return read;
        } finally {
            transactionManager.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.releaseClaim(name, segment);
                }
            });
        }
    }

    private void apply(List<TrackedEventData<byte[]>> chunk, EventHandlerInvoker handlers, EventUpcaster upcasters)
            throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(chunk.stream(),
                serializer, upcasters).toList();
        // as the processor runs a batch: one unit of work over the messages, each the current message in turn
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            if (handlers.canHandle(message, Segment.ROOT_SEGMENT)) {
                handlers.handle(message, Segment.ROOT_SEGMENT);
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
    }

    private boolean handles(EventHandlerInvoker handlers, String payloadType) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(payloadType, null));
        return type == UnknownSerializedType.class || handlers.canHandleType(type);
    }

    private void extendClaims(String name, int[] segments) {
        transactionManager.executeInTransaction(() -> {
            for (int segment : segments) {
                tokenStore.extendClaim(name, segment);
            }
        });
    }

    private static TrackedEventData<byte[]> entry(ResultSet rows, long index) throws SQLException {
        OffsetDateTime recordedAt = rows.getObject(6, OffsetDateTime.class);
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), new GenericDomainEventEntry<>(
                rows.getString(5), rows.getString(3), rows.getLong(4), rows.getString(2), recordedAt.toInstant(),
                rows.getString(7), rows.getString(8), rows.getBytes(9), rows.getBytes(10)));
    }
}
