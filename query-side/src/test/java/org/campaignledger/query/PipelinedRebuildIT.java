package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.query.admin.ProjectionAdmin;
import org.campaignledger.query.admin.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * A bulk replay in chunks of three events. The progress projection folds each chunk while its writer still
 * writes the one before, so a participant's enrolment and courses, one event after the other, are folded from
 * state that is not committed yet: the rebuilt rows must still be the live ones.
 */
@TestPropertySource(properties = "campaign-ledger.rebuild.events-per-transaction=3")
@ExtendWith(OutputCaptureExtension.class)
class PipelinedRebuildIT extends QuerySideIT {

    @Test
    void aRebuildInSmallChunksEqualsTheLiveProjections(CapturedOutput output) {
        Facts f = new Facts();
        EventLog log = newLog();
        List<List<EventLog.Fact>> sample = f.sample();
        sample.subList(0, sample.size() - 1).forEach(log::append);
        List<EventLog.Fact> courses = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            String unit = p % 2 == 0 ? "A" : "B";
            courses.add(f.enrol(unit, "p" + p, ParticipantRole.CIVIL_SERVANT, null, 2));
            courses.add(f.complete(unit, "p" + p, ParticipantRole.CIVIL_SERVANT, Facts.PRACTICAL, 3 + p % 5));
            courses.add(f.complete(unit, "p" + p, ParticipantRole.CIVIL_SERVANT, Facts.ONETOUCH, 4 + p % 7));
            // a second completion of a course, earlier: the earlier date counts
            courses.add(f.complete(unit, "p" + p, ParticipantRole.CIVIL_SERVANT, Facts.PRACTICAL, 3));
        }
        courses.forEach(log::append);
        log.append(sample.get(sample.size() - 1)); // the campaign's close
        awaitProjections();
        Map<String, List<Map<String, Object>>> live = ProjectionSnapshot.of(jdbc, f.id());
        assertThat(live.get("participant_progress")).hasSizeGreaterThan(12);

        assertThat(http.postForEntity("/api/admin/projections/rebuild", null, ProjectionStatus[].class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        for (String projection : ProjectionAdmin.PROJECTIONS) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ProjectionStatus status = http.getForObject("/api/admin/projections/" + projection,
                        ProjectionStatus.class);
                return status.state() == ProjectionStatus.State.RUNNING && status.rebuildFinishedAt() != null;
            });
        }
        awaitProjections();

        // the bulk replay did it: had it failed, the processors would have replayed the log and hidden the fault
        assertThat(output.getOut()).contains("Bulk replay of [campaigns, progress, unit-details]")
                .doesNotContain("failed; the processors replay the log");
        assertThat(ProjectionSnapshot.of(jdbc, f.id())).isEqualTo(live);
    }
}
