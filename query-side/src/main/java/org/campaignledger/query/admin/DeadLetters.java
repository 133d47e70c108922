package org.campaignledger.query.admin;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The projections' dead-letter queues (Axon's JDBC queue, table {@code deadletterentry}): an event a handler
 * throws on is parked there with its cause, the processor goes on with the other sequences, and the events
 * after it in the same sequence queue behind it so that none is applied out of order. Once the cause is
 * fixed (a new release, a repaired reference), a retry applies the parked events in order.
 */
@Service
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** The oldest parked events first, of one processing group or (null) of all, at most {@code limit}. */
    public List<DeadLetterView> list(String processingGroup, int limit) {
        if (processingGroup != null) {
            queue(processingGroup);
        }
        return jdbc.query("SELECT processinggroup, sequenceidentifier, sequenceindex, eventidentifier, payloadtype,"
                        + " aggregateidentifier, sequencenumber, enqueuedat, lasttouched, causetype, causemessage"
                        + " FROM deadletterentry WHERE (CAST(? AS varchar) IS NULL OR processinggroup = ?)"
                        + " ORDER BY enqueuedat, processinggroup, sequenceidentifier, sequenceindex LIMIT ?",
                (rs, n) -> new DeadLetterView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11)),
                processingGroup, processingGroup, limit);
    }

    /** Letters parked per processing group that has a queue (0 for an empty one). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group)
                .ifPresent(queue -> counts.put(group, 0L)));
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Offers every parked sequence of the group to its handlers again, oldest first; a sequence whose first
     * letter fails again stays parked (and is counted), the others are applied and removed.
     */
    public DeadLetterRetry retry(String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> unknown(processingGroup));
        long sequences = queue.amountOfSequences();
        int applied = 0;
        int failed = 0;
        // each sequence at most once: one that fails again is touched and not taken again in this round
        for (long i = 0; i < sequences; i++) {
            if (processor.process(letter -> true)) {
                applied++;
            } else if (queue.amountOfSequences() > 0) {
                failed++;
            }
        }
        return new DeadLetterRetry(processingGroup, applied, failed, letters(processingGroup));
    }

    private long letters(String processingGroup) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?",
                Long.class, processingGroup);
        return count == null ? 0 : count;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup).orElseThrow(() -> unknown(processingGroup));
    }

    private static ProblemException unknown(String processingGroup) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown-processing-group", "Unknown processing group",
                "No processing group " + processingGroup + " with a dead-letter queue here.",
                Map.of("processingGroup", processingGroup));
    }
}
