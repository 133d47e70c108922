package org.campaignledger.query.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.query.AggregateStateView;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.api.query.FindAggregateStateQuery;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Folds one aggregate's events, recorded up to an instant, into a generic state: each event's fields
 * merged over the previous ones, so an auditor sees what the aggregate knew then without command-side code.
 */
@Component
class AggregateStates {

    private final AuditLog log;

    AggregateStates(AuditLog log) {
        this.log = log;
    }

    AggregateStateView find(FindAggregateStateQuery query) {
        Instant asKnownAt = query.asKnownAt() == null ? Instant.now() : query.asKnownAt();
        List<AuditEventView> events = log.aggregate(query.aggregateIdentifier(), asKnownAt).stream()
                .map(StoredEvent::view).toList();
        if (events.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "aggregate-not-found", "Unknown aggregate",
                    "No event of aggregate " + query.aggregateIdentifier() + " was recorded by " + asKnownAt + ".",
                    Map.of("aggregateIdentifier", query.aggregateIdentifier()));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (AuditEventView event : events) {
            state.putAll(event.payload());
        }
        AuditEventView first = events.get(0);
        AuditEventView last = events.get(events.size() - 1);
        return new AggregateStateView(query.aggregateIdentifier(), first.aggregateType(), query.asKnownAt(),
                last.sequenceNumber(), events.size(), simpleName(last.payloadType()), first.recordedAt(),
                last.recordedAt(), state, events.stream().map(event -> new AggregateStateView.Event(
                        event.sequenceNumber(), event.globalIndex(), simpleName(event.payloadType()),
                        event.recordedAt(), event.occurredOn())).toList());
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
