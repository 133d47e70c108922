package org.campaignledger.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events straight into the event store, as the command side would after accepting commands, so the
 * query side is tested without depending on it. Each call to {@link #append} is one transaction.
 */
final class EventLog {

    /** One event to append: its aggregate and payload. */
    record Fact(String aggregateType, String aggregateId, Object payload) {
    }

    /** What was appended, for comparing with the audit trail. */
    record Appended(String eventIdentifier, String aggregateId, long sequenceNumber, String principal,
                    String correlationId, String idempotencyKey) {
    }

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Appended> appended = new ArrayList<>();

    EventLog(EventStore eventStore, PlatformTransactionManager transactions) {
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
    }

    void append(List<Fact> facts) {
        transaction.executeWithoutResult(status -> {
            for (Fact fact : facts) {
                long sequence = sequences.merge(fact.aggregateId(), 0L, (old, ignored) -> old + 1);
                String principal = "officer-" + fact.aggregateType().toLowerCase();
                String correlationId = UUID.randomUUID().toString();
                String idempotencyKey = UUID.randomUUID().toString();
                MetaData metaData = MetaData.from(Map.of(
                        "principal", principal,
                        "role", "UNIT_OFFICER",
                        "idempotencyKey", idempotencyKey,
                        "correlationId", correlationId,
                        "receivedAt", Instant.now().toString()));
                var message = new GenericDomainEventMessage<>(fact.aggregateType(), fact.aggregateId(), sequence,
                        fact.payload(), metaData);
                eventStore.publish(message);
                appended.add(new Appended(message.getIdentifier(), fact.aggregateId(), sequence, principal,
                        correlationId, idempotencyKey));
            }
        });
    }

    void append(Fact... facts) {
        append(List.of(facts));
    }

    List<Appended> appended() {
        return List.copyOf(appended);
    }
}
