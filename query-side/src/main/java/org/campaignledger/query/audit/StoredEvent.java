package org.campaignledger.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.platform.serialization.LedgerJson;

/**
 * One row of the log with its payload and metadata kept as the JSON text the event store wrote. The HTTP page
 * and the exports write that text through as it is, so a page costs no parsing; {@link #view()} parses it into
 * the {@link AuditEventView} the query bus answers with. Its JSON is {@code AuditEventView}'s, field for field.
 */
@Schema(name = "AuditEventView", description = "One event exactly as stored, with its metadata")
record StoredEvent(
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
        @JsonRawValue @Schema(implementation = Map.class, description = "the event's fields, as stored") String payload,
        @JsonRawValue @Schema(implementation = Map.class, description = "who recorded it, under which keys") String metaData) {

    static final String EMPTY_JSON = "{}";

    private static final ObjectMapper JSON = LedgerJson.eventMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    AuditEventView view() {
        return new AuditEventView(globalIndex, eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber,
                payloadType, payloadRevision, recordedAt, campaignId, unitCode, occurredOn, map(payload),
                metaDataMap());
    }

    Map<String, Object> metaDataMap() {
        return map(metaData);
    }

    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of events; pass {@code nextCursor} as {@code after} for the next one (null: no more). */
    record Page(List<StoredEvent> events, Long nextCursor) {

        AuditEventView.Page view() {
            return new AuditEventView.Page(events.stream().map(StoredEvent::view).toList(), nextCursor);
        }
    }
}
