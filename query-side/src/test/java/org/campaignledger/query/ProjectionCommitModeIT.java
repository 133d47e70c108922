package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.query.admin.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The projections write with asynchronous commit, and nothing else does: a handler added to the progress
 * projection's processing group sees {@code synchronous_commit = off} in its processor's batches and in a bulk
 * replay; one in a subscribing group, which runs in the transaction that appends the events, sees {@code on};
 * and no connection goes back to the pool with the projections' setting.
 */
@Import(ProjectionCommitModeIT.Observers.class)
@TestPropertySource(properties = "axon.eventhandling.processors.commit-mode-of-the-log.mode=subscribing")
class ProjectionCommitModeIT extends QuerySideIT {

    @Autowired
    InProgressProjection inProgress;

    @Autowired
    WhereTheLogIsWritten whereTheLogIsWritten;

    @Autowired
    DataSource dataSource;

    @Test
    void projectionsCommitAsynchronouslyAndTheLogSynchronously() throws Exception {
        Facts f = new Facts();
        newLog().append(f.sample().get(0));
        awaitProjections();

        assertThat(inProgress.modes).isNotEmpty().containsOnly("off");
        assertThat(whereTheLogIsWritten.modes).isNotEmpty().containsOnly("on");
        assertThat(modesOfEveryPooledConnection()).isNotEmpty().containsOnly("on");

        inProgress.modes.clear();
        assertThat(http.postForEntity("/api/admin/projections/progress/rebuild", null, ProjectionStatus.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ProjectionStatus status = http.getForObject("/api/admin/projections/progress", ProjectionStatus.class);
            return status.state() == ProjectionStatus.State.RUNNING && status.rebuildFinishedAt() != null;
        });
        assertThat(inProgress.modes).as("the bulk replay's pages").isNotEmpty().containsOnly("off");
        assertThat(modesOfEveryPooledConnection()).containsOnly("on");
    }

    /**
     * Takes every idle connection of the pool at once (the projections' batches returned theirs; the live updates'
     * listener keeps one) and asks each for its commit mode.
     */
    private List<String> modesOfEveryPooledConnection() throws Exception {
        int size = ((HikariDataSource) dataSource).getHikariPoolMXBean().getIdleConnections();
        List<Connection> held = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet mode = statement.executeQuery("SHOW synchronous_commit")) {
                    mode.next();
                    modes.add(mode.getString(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return modes;
    }

    @TestConfiguration
    static class Observers {

        @Bean
        InProgressProjection inProgressProjection(JdbcTemplate jdbc) {
            return new InProgressProjection(jdbc);
        }

        @Bean
        WhereTheLogIsWritten whereTheLogIsWritten(JdbcTemplate jdbc) {
            return new WhereTheLogIsWritten(jdbc);
        }
    }

    /** Notes the commit mode of the transaction each event is handled in. */
    abstract static class CommitModes {

        final List<String> modes = new CopyOnWriteArrayList<>();
        private final JdbcTemplate jdbc;

        CommitModes(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(Object event) {
            modes.add(jdbc.queryForObject("SHOW synchronous_commit", String.class));
        }
    }

    @ProcessingGroup("progress")
    static class InProgressProjection extends CommitModes {
        InProgressProjection(JdbcTemplate jdbc) {
            super(jdbc);
        }
    }

    @ProcessingGroup("commit-mode-of-the-log")
    static class WhereTheLogIsWritten extends CommitModes {
        WhereTheLogIsWritten(JdbcTemplate jdbc) {
            super(jdbc);
        }
    }
}
