package org.campaignledger.platform.eventstore;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
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
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    public LedgerEventStorageEngine(Builder builder) {
        super(builder);
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
