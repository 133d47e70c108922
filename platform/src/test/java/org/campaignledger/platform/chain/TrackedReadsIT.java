package org.campaignledger.platform.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the ledger's event store reads the log from a token, as the processors and the event store's producer do:
 * past a gap wider than a batch (the global indexes of transactions that rolled back), into a gap filled after the
 * events beyond it (a transaction that took its index first and committed last), and to the log's tail, where a
 * stream ends and, asked again, reads on. A change to how the engine reads the log (docs/PERFORMANCE.md, B1's
 * fourteenth pass tried one) must keep all of these.
 */
class TrackedReadsIT {

    private static final LocalDate DAY_1 = LocalDate.of(2025, 7, 24);

    private TestLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = TestLedger.migrated();
    }

    @AfterEach
    void dropLedger() {
        ledger.close();
    }

    @Test
    void readsPastAGapWiderThanABatch() {
        append("before-the-gap");
        TrackingToken afterFirst = readFrom(null).get(0).trackingToken();
        // the global indexes of transactions that rolled back (a failed CSV import of 500 rows, say)
        ledger.jdbc.queryForList("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))"
                + " FROM generate_series(1, ?)", Long.class, ledger.engine.batchSize() * 3);
        append("after-the-gap-1");
        append("after-the-gap-2");

        assertThat(aggregates(readFrom(afterFirst))).containsExactly("after-the-gap-1", "after-the-gap-2");
    }

    @Test
    void readsAGapFilledAfterTheEventsBeyondIt() throws Exception {
        append("first");
        TrackingToken afterFirst = readFrom(null).get(0).trackingToken();
        try (Connection late = ledger.dataSource.getConnection()) {
            late.setAutoCommit(false);
            // a transaction that takes its global index first and commits last
            try (PreparedStatement insert = late.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, meta_data)"
                    + " SELECT 'late-event', 'late', 0, type, payload_type, payload_revision, payload, meta_data"
                    + " FROM domain_event_entry WHERE aggregate_identifier = 'first'")) {
                insert.executeUpdate();
            }
            append("second");
            List<? extends TrackedEventMessage<?>> beyond = readFrom(afterFirst);
            assertThat(aggregates(beyond)).containsExactly("second");
            TrackingToken withGap = beyond.get(0).trackingToken();
            assertThat(((GapAwareTrackingToken) withGap).getGaps()).hasSize(1);
            late.commit();

            List<? extends TrackedEventMessage<?>> filled = readFrom(withGap);

            assertThat(aggregates(filled)).containsExactly("late");
            assertThat(((GapAwareTrackingToken) filled.get(0).trackingToken()).getGaps()).isEmpty();
        }
    }

    @Test
    void aStreamEndsAtTheLogsTailAndReadsOnWhenAskedAgain() {
        append("one");
        append("two");
        Iterator<? extends TrackedEventMessage<?>> stream = ledger.engine.readEvents(null, false).iterator();
        assertThat(stream.next().trackingToken()).isNotNull();
        assertThat(stream.next().trackingToken()).isNotNull();
        assertThat(stream.hasNext()).as("at the tail").isFalse();

        append("three");

        assertThat(stream.hasNext()).isTrue();
        assertThat(((GapAwareTrackingToken) stream.next().trackingToken()).getIndex())
                .isEqualTo(ledger.globalIndex("three", 0));
    }

    @Test
    void readsTheWholeLogInBatchesFromTheStart() {
        int events = ledger.engine.batchSize() * 2 + 5;
        for (int i = 0; i < events; i++) {
            append("aggregate-" + i);
        }

        List<? extends TrackedEventMessage<?>> all = readFrom(null);

        assertThat(all).hasSize(events);
        assertThat(aggregates(all).get(events - 1)).isEqualTo("aggregate-" + (events - 1));
    }

    private void append(String aggregate) {
        CampaignId campaign = new CampaignId(aggregate);
        ledger.append("Campaign", aggregate, 0, new CampaignClosedEvent(campaign, DAY_1), Map.of());
    }

    private List<? extends TrackedEventMessage<?>> readFrom(TrackingToken token) {
        return ledger.engine.readEvents(token, false).toList();
    }

    private static List<String> aggregates(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> ((DomainEventMessage<?>) event)
                .getAggregateIdentifier()).toList();
    }
}
