package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One event exactly as stored, with its metadata: who recorded it, when, and under which keys. */
public record AuditEventView(
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        Instant recordedAt,
        String campaignId,
        String unitCode,
        LocalDate occurredOn,
        Map<String, Object> payload,
        Map<String, Object> metaData) {

    /** A page of events; pass {@code nextCursor} as {@code after} for the next one (null: no more). */
    public record Page(List<AuditEventView> events, Long nextCursor) {
    }
}
