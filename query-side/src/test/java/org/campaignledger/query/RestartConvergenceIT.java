package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.query.admin.ProjectionAdmin;
import org.campaignledger.query.admin.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stops the application while its projections are busy with a burst of events, starts it again, and checks
 * that what the restarted projections converge to equals a rebuild from the log: no event skipped, none
 * counted twice.
 */
class RestartConvergenceIT {

    private static final int PARTICIPANTS = 900;

    @Test
    void projectionsConvergeAfterARestartMidStream() {
        Facts f = new Facts();
        ConfigurableApplicationContext first = start();
        EventLog log = new EventLog(first.getBean(EventStore.class), first.getBean(PlatformTransactionManager.class));
        log.append(f.launch("A", "B", "C"));
        for (int batch = 0; batch < PARTICIPANTS / 100; batch++) {
            List<EventLog.Fact> enrolments = new ArrayList<>();
            for (int i = batch * 100; i < (batch + 1) * 100; i++) {
                enrolments.add(f.enrol(unit(i), "p" + i, ParticipantRole.OFFICIAL, null, 1 + i % 10));
            }
            log.append(enrolments);
        }
        List<EventLog.Fact> completions = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            completions.add(f.complete(unit(i), "p" + i, ParticipantRole.OFFICIAL, Facts.ONETOUCH, 5 + i % 10));
            completions.add(f.complete(unit(i), "p" + i, ParticipantRole.OFFICIAL, Facts.PRACTICAL, 12 + i % 20));
        }
        log.append(completions);
        JdbcTemplate firstJdbc = first.getBean(JdbcTemplate.class);
        long trainedAtStop = trained(firstJdbc, f.id());
        first.close();
        // the stop really was mid-stream: the last burst of completions was not all projected
        assertThat(trainedAtStop).isLessThan(PARTICIPANTS);

        ConfigurableApplicationContext second = start();
        try {
            ProjectionAdmin admin = second.getBean(ProjectionAdmin.class);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            QuerySideIT.awaitProjections(admin);
            Map<String, List<Map<String, Object>>> resumed = ProjectionSnapshot.of(jdbc, f.id());
            assertThat(trained(jdbc, f.id())).isEqualTo(PARTICIPANTS);
            assertThat(jdbc.queryForObject("SELECT sum(staff_enrolled) FROM unit_day_delta WHERE campaign_id = ?",
                    Long.class, f.id())).isEqualTo(PARTICIPANTS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_change WHERE campaign_id = ?", Long.class,
                    f.id())).isEqualTo(2L * PARTICIPANTS);

            admin.rebuild("progress");
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.status("progress").state() == ProjectionStatus.State.RUNNING);
            QuerySideIT.awaitProjections(admin);

            assertThat(ProjectionSnapshot.of(jdbc, f.id())).isEqualTo(resumed);
        } finally {
            second.close();
        }
    }

    private static long trained(JdbcTemplate jdbc, String campaignId) {
        Long trained = jdbc.queryForObject("SELECT coalesce(sum(staff_trained), 0) FROM unit_day_delta"
                + " WHERE campaign_id = ?", Long.class, campaignId);
        return trained == null ? 0 : trained;
    }

    private static String unit(int participant) {
        return List.of("A", "B", "C").get(participant % 3);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0");
    }
}
