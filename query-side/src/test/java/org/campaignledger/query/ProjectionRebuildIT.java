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
}
