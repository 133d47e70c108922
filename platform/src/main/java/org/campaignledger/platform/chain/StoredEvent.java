package org.campaignledger.platform.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of {@code domain_event_entry} as the chain sees it: what is hashed, and the hashes stored with it. */
record StoredEvent(long globalIndex, String eventIdentifier, String type, String aggregateIdentifier,
                   long sequenceNumber, String payloadType, String payloadRevision, String campaignId,
                   String unitCode, LocalDate occurredOn, OffsetDateTime recordedAt, byte[] payload, byte[] metaData,
                   byte[] identityDigest, byte[] payloadDigest, byte[] metaDataDigest, byte[] previousHash,
                   byte[] chainHash) {

    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, campaign_id, unit_code, occurred_on, recorded_at, payload, meta_data,"
            + " identity_digest, payload_digest, meta_data_digest, previous_hash, chain_hash";

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getObject(11, OffsetDateTime.class), rs.getBytes(12),
                rs.getBytes(13), rs.getBytes(14), rs.getBytes(15), rs.getBytes(16), rs.getBytes(17),
                rs.getBytes(18));
    }

    byte[] recomputedIdentityDigest() {
        return ChainHashes.identityDigest(eventIdentifier, type, aggregateIdentifier, sequenceNumber, payloadType,
                payloadRevision, campaignId, unitCode, occurredOn);
    }

    long recordedAtMicros() {
        // PostgreSQL keeps microseconds; the database hashes extract(epoch ...) * 1,000,000 of the same value
        return Math.addExact(Math.multiplyExact(recordedAt.toEpochSecond(), 1_000_000L), recordedAt.getNano() / 1000);
    }
}
