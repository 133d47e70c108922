package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A page of the event log, oldest first, after global position {@code after} (null: from the start).
 * Every filter is optional; {@code type} is a payload class name, simple or fully qualified. Business
 * dates and recording instants are inclusive.
 */
public record FindAuditEventsQuery(
        String campaignId,
        String unitCode,
        String aggregateIdentifier,
        String type,
        LocalDate occurredFrom,
        LocalDate occurredTo,
        Instant recordedFrom,
        Instant recordedTo,
        Long after,
        int limit) {
}
