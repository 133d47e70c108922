package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An aggregate as it stood at an instant: every field of its events merged in order (later values win),
 * plus its version and history. Generic on purpose: the auditor needs no command-side code to replay it.
 */
public record AggregateStateView(
        String aggregateIdentifier,
        String aggregateType,
        Instant asKnownAt,
        long version,
        int eventCount,
        String lastEventType,
        Instant firstRecordedAt,
        Instant lastRecordedAt,
        Map<String, Object> state,
        List<Event> events) {

    public record Event(long sequenceNumber, long globalIndex, String payloadType, Instant recordedAt,
                        LocalDate occurredOn) {
    }
}
