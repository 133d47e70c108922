package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.campaignledger.query.admin.ProjectionAdmin;
import org.campaignledger.query.admin.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A projection rebuilt from the log is, row for row, the one maintained live while the events arrived. */
class ProjectionRebuildIT extends QuerySideIT {

    @Test
    void rebuiltProjectionsEqualTheLiveOnesRowForRow() {
        Facts f = new Facts();
        EventLog log = newLog();
        f.sample().forEach(log::append);
        awaitProjections();
        Map<String, List<Map<String, Object>>> live = ProjectionSnapshot.of(jdbc, f.id());
        live.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        for (String projection : ProjectionAdmin.PROJECTIONS) {
            ResponseEntity<ProjectionStatus> started = http.postForEntity(
                    "/api/admin/projections/" + projection + "/rebuild", null, ProjectionStatus.class);
            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(started.getBody().state()).isEqualTo(ProjectionStatus.State.REBUILDING);
            assertThat(started.getBody().eventsTotal()).isGreaterThanOrEqualTo(log.appended().size());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ProjectionStatus status = http.getForObject("/api/admin/projections/" + projection,
                        ProjectionStatus.class);
                return status.state() == ProjectionStatus.State.RUNNING && status.rebuildFinishedAt() != null;
            });
            ProjectionStatus done = http.getForObject("/api/admin/projections/" + projection, ProjectionStatus.class);
            assertThat(done.eventsDone()).isEqualTo(done.eventsTotal());
            assertThat(done.error()).isNull();
        }
        awaitProjections();

        assertThat(ProjectionSnapshot.of(jdbc, f.id())).isEqualTo(live);
    }

    /**
     * A rebuild replays the log as it stood when it began (in bulk, past Axon's processor, one read of the log
     * for all projections) and hands the rest to the processors: events appended meanwhile, in many small
     * transactions, are applied once, neither lost nor counted twice. A second rebuild on a quiet log gives
     * the very same rows, and so does a rebuild of each projection on its own.
     */
    @Test
    void eventsAppendedWhileTheProjectionsAreRebuiltCountOnce() throws Exception {
        Facts before = new Facts();
        Facts during = new Facts();
        EventLog log = newLog();
        before.sample().forEach(log::append);
        awaitProjections();

        Thread writer = new Thread(() -> during.sample().forEach(log::append), "writes-during-rebuild");
        rebuildAll(writer::start);
        writer.join(Duration.ofMinutes(2).toMillis());
        assertThat(writer.isAlive()).isFalse();
        awaitProjections();
        Map<String, List<Map<String, Object>>> first = ProjectionSnapshot.of(jdbc, before.id());
        Map<String, List<Map<String, Object>>> second = ProjectionSnapshot.of(jdbc, during.id());
        second.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        rebuildAll(() -> { });
        awaitProjections();

        assertThat(ProjectionSnapshot.of(jdbc, before.id())).isEqualTo(first);
        assertThat(ProjectionSnapshot.of(jdbc, during.id())).isEqualTo(second);

        for (String projection : ProjectionAdmin.PROJECTIONS) {
            http.postForEntity("/api/admin/projections/" + projection + "/rebuild", null, ProjectionStatus.class);
            awaitRebuilt(projection);
        }
        awaitProjections();

        assertThat(ProjectionSnapshot.of(jdbc, before.id())).isEqualTo(first);
        assertThat(ProjectionSnapshot.of(jdbc, during.id())).isEqualTo(second);
    }

    @Test
    void aSecondRebuildIsRefusedWhileTheFirstRuns() {
        EventLog log = newLog();
        new Facts().sample().forEach(log::append);
        awaitProjections();

        ResponseEntity<ProjectionStatus[]> started = http.postForEntity("/api/admin/projections/rebuild", null,
                ProjectionStatus[].class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).extracting(ProjectionStatus::name)
                .containsExactlyElementsOf(ProjectionAdmin.PROJECTIONS);
        // a rebuild is done only once a status call has seen it caught up, so none is done before this answer
        ResponseEntity<String> again = http.postForEntity("/api/admin/projections/rebuild", null, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> one = http.postForEntity("/api/admin/projections/progress/rebuild", null,
                String.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ProjectionAdmin.PROJECTIONS.forEach(this::awaitRebuilt);
    }

    /** Every projection rebuilt together, through one read of the log. */
    private void rebuildAll(Runnable whenStarted) {
        ResponseEntity<ProjectionStatus[]> started = http.postForEntity("/api/admin/projections/rebuild", null,
                ProjectionStatus[].class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        whenStarted.run();
        ProjectionAdmin.PROJECTIONS.forEach(this::awaitRebuilt);
    }

    private void awaitRebuilt(String projection) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ProjectionStatus status = http.getForObject("/api/admin/projections/" + projection,
                    ProjectionStatus.class);
            return status.state() == ProjectionStatus.State.RUNNING && status.rebuildFinishedAt() != null;
        });
        assertThat(http.getForObject("/api/admin/projections/" + projection, ProjectionStatus.class).error())
                .isNull();
    }
}
