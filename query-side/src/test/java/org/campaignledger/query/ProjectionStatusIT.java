package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.campaignledger.query.admin.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection is caught up only when every one of its segments is, held by this node or not. A segment no node
 * holds (a killed process's claim not yet expired, or one Axon holds back after failed batches in a database
 * outage) applies nothing; the status used to count only the segments this node held and said "caught up" while
 * that segment's events waited, so DatabaseOutageIT and ProcessCrashIT compared a projection that was still
 * behind with its rebuild.
 */
class ProjectionStatusIT extends QuerySideIT {

    private static final String PROJECTION = "unit-details";
    private static final int HELD_BACK = 1;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aSegmentNobodyHoldsKeepsTheProjectionFromBeingCaughtUp() {
        EventLog log = newLog();
        new Facts().sample().forEach(log::append);
        awaitProjections();
        StreamingEventProcessor processor = processing.eventProcessor(PROJECTION, StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(processor.processingStatus()).containsKey(HELD_BACK);

        processor.releaseSegment(HELD_BACK, 10, TimeUnit.MINUTES);
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().containsKey(HELD_BACK));
        new Facts().sample().forEach(log::append);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        // the segments this node holds apply everything...
        await().atMost(Duration.ofSeconds(60)).until(() -> processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
        // ...and the projection is still not caught up: the released segment's token stands where it was
        ProjectionStatus held = admin.status(PROJECTION);
        assertThat(held.caughtUp()).isFalse();
        assertThat(held.position()).isLessThan(head);
        assertThat(http.getForObject("/api/admin/projections/" + PROJECTION, ProjectionStatus.class).caughtUp())
                .isFalse();

        assertThat(processor.claimSegment(HELD_BACK).join()).isTrue();
        awaitProjections();
        assertThat(admin.status(PROJECTION).position()).isGreaterThanOrEqualTo(head);
        assertThat(processor.processingStatus().values()).allMatch(EventTrackerStatus::isCaughtUp);
    }
}
