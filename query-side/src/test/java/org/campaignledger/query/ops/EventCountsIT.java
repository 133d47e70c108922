package org.campaignledger.query.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign_events gauge's counts: each campaign's events in the log, counted again after more arrive, and the
 * boundary of the settled part of the log found through the index on {@code recorded_at}, not by walking the
 * last minute of the log.
 */
@SpringBootTest(classes = QuerySideApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventCountsIT {

    @Autowired
    EventCounts counts;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    private long sequence;

    @Test
    void countsEachCampaignsEventsAsTheyArrive() {
        String campaign = "counts-" + UUID.randomUUID().toString().substring(0, 8);
        append(campaign, 3);
        assertThat(counts.byCampaign()).containsEntry(campaign, 3L);
        append(campaign, 2);
        assertThat(counts.byCampaign()).containsEntry(campaign, 5L);
    }

    @Test
    void findsTheSettledBoundaryThroughTheIndex() {
        // without a sequential scan to choose (a small test log may make it the cheaper plan), the planner must
        // be able to bound the index scan itself
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + EventCounts.SETTLED_BOUNDARY, String.class));
        });
        assertThat(plan).contains("Index Cond: (recorded_at <");
    }

    private void append(String campaign, int events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < events; i++) {
                eventStore.publish(new GenericDomainEventMessage<>("Campaign", campaign, sequence++,
                        new CampaignClosedEvent(new CampaignId(campaign), LocalDate.of(2025, 9, 14))));
            }
        });
    }
}
