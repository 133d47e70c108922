package org.campaignledger.platform.eventstore;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.common.jdbc.JdbcUtils.listResults;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.campaignledger.api.common.CampaignFact;

/**
 * Axon's JDBC engine with two changes that make the log a record:
 * <ul>
 *   <li>the recording time is the database's ({@code recorded_at timestamptz default clock_timestamp()}),
 *       not the application clock, so "known at T" means the same on every node; Axon's event timestamp
 *       is read from that column;</li>
 *   <li>a fact's campaign, unit and business date are stored in columns of their own, so the audit trail
 *       filters them with indexes instead of reading payloads.</li>
 * </ul>
 * And one saving: no aggregate of the ledger is snapshotted (the aggregate cache keeps the busy ones in memory),
 * so loading an aggregate does not first ask the always empty snapshot table. That query was one of the two
 * round trips of every aggregate not in the cache (each creation among them), inside the command's transaction.
 * Ignoring snapshots is always correct: the aggregate is then built from its whole stream.
 * <p>
 * And a second saving for commands that share a transaction (group commit): {@link #preloadStreams} reads the
 * streams of several aggregates in one query, and each of them is then loaded from what that query found instead of
 * a query of its own, one round trip after the other for each command of a group; an aggregate its command will
 * most likely create can be taken to have no events without a read at all.
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    /** The root unit of work's resource holding the streams {@link #preloadStreams} read, by aggregate. */
    private static final String PRELOADED = LedgerEventStorageEngine.class.getName() + ".preloaded";

    private final LongAdder preloads = new LongAdder();
    private final LongAdder preloadedStreamsServed = new LongAdder();

    public LedgerEventStorageEngine(Builder builder) {
        super(builder);
    }

    /**
     * Reads the whole streams of the aggregates in {@code read} in one query, in the current unit of work's
     * transaction, and takes those in {@code assumedEmpty} to have no events, unread. Until that unit of work ends,
     * the first read of each of those streams is answered from this (an aggregate with no events in {@code read} gets
     * an empty stream), and the events another node commits after it are not seen: as with a read of its own, a
     * stream that moved on meanwhile makes the append clash on {@code (aggregate_identifier, sequence_number)}, and
     * the transaction rolls back; so does an aggregate wrongly assumed empty, whose first event clashes with the one
     * in the log. A later read of the same stream in that unit of work goes to the database. Does nothing outside a
     * unit of work.
     */
    public void preloadStreams(Collection<String> read, Collection<String> assumedEmpty) {
        if (!CurrentUnitOfWork.isStarted() || (read.isEmpty() && assumedEmpty.isEmpty())) {
            return;
        }
        Map<String, List<DomainEventData<?>>> streams = CurrentUnitOfWork.get().root()
                .getOrComputeResource(PRELOADED, key -> new HashMap<>());
        assumedEmpty.forEach(identifier -> streams.put(identifier, List.of()));
        if (read.isEmpty()) {
            return;
        }
        EventSchema schema = schema();
        String sql = "SELECT " + schema.domainEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ANY(?) ORDER BY "
                + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        List<? extends DomainEventData<?>> events = executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("varchar", read.toArray()));
            return statement;
        }, listResults(this::getDomainEventData), e -> new EventStoreException(
                "Failed to read the events of " + read.size() + " aggregates", e));
        Map<String, List<DomainEventData<?>>> found = new HashMap<>();
        read.forEach(identifier -> found.put(identifier, new ArrayList<>()));
        events.forEach(event -> found.get(event.getAggregateIdentifier()).add(event));
        streams.putAll(found);
        preloads.increment();
    }

    /** The next read of this aggregate's stream in the current unit of work goes to the database. */
    public void forgetPreloaded(String aggregateIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            takePreloaded(aggregateIdentifier);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<DomainEventData<?>> preloaded = CurrentUnitOfWork.isStarted() ? takePreloaded(identifier) : null;
        if (preloaded == null) {
            return super.readEventData(identifier, firstSequenceNumber);
        }
        preloadedStreamsServed.increment();
        return preloaded.stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber);
    }

    private static List<DomainEventData<?>> takePreloaded(String identifier) {
        Map<String, List<DomainEventData<?>>> streams = CurrentUnitOfWork.get().root().getResource(PRELOADED);
        return streams == null ? null : streams.remove(identifier);
    }

    /** How many {@link #preloadStreams} queries ran (a call with nothing to read runs none). */
    public long preloads() {
        return preloads.sum();
    }

    /** How many stream reads were answered from a {@link #preloadStreams} call instead of a query of their own. */
    public long preloadedStreamsServed() {
        return preloadedStreamsServed.sum();
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        EventSchema schema = schema();
        String sql = "INSERT INTO " + schema.domainEventTable() + " ("
                + schema.eventIdentifierColumn() + ", " + schema.aggregateIdentifierColumn() + ", "
                + schema.sequenceNumberColumn() + ", " + schema.typeColumn() + ", "
                + schema.payloadTypeColumn() + ", " + schema.payloadRevisionColumn() + ", "
                + schema.payloadColumn() + ", " + schema.metaDataColumn() + ", "
                + "campaign_id, unit_code, occurred_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        // the events of one batch mostly carry the same metadata (one request's principal and correlation id:
        // a CSV import's chunk), so equal metadata is serialised once
        MetaData lastMetaData = null;
        byte[] lastMetaDataBytes = null;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            if (lastMetaDataBytes == null || !event.getMetaData().equals(lastMetaData)) {
                lastMetaData = event.getMetaData();
                lastMetaDataBytes = event.serializeMetaData(serializer, byte[].class).getData();
            }
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, payload.getType().getName());
            statement.setString(6, payload.getType().getRevision());
            statement.setBytes(7, payload.getData());
            statement.setBytes(8, lastMetaDataBytes);
            if (event.getPayload() instanceof CampaignFact fact) {
                statement.setString(9, fact.campaignId() == null ? null : fact.campaignId().value());
                statement.setString(10, fact.unitCode() == null ? null : fact.unitCode().value());
                if (fact.occurredOn() == null) {
                    statement.setNull(11, Types.DATE);
                } else {
                    statement.setDate(11, Date.valueOf(fact.occurredOn()));
                }
            } else {
                statement.setNull(9, Types.VARCHAR);
                statement.setNull(10, Types.VARCHAR);
                statement.setNull(11, Types.DATE);
            }
            statement.addBatch();
        }
        return statement;
    }

    /**
     * A stream read ends at the first batch shorter than the batch size, as Axon's engines do by default (its JDBC
     * engine reads on until a batch comes back empty: a second round trip for every aggregate loaded from the log).
     * An aggregate's stream has no gaps to wait for: its sequence numbers are unique and the chain trigger refuses an
     * event whose predecessor is not in the log.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
        OffsetDateTime recordedAt = resultSet.getObject(columnName, OffsetDateTime.class);
        return recordedAt == null ? null : recordedAt.toInstant();
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp)
            throws SQLException {
        statement.setObject(position, timestamp.atOffset(ZoneOffset.UTC));
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
