package org.campaignledger.query;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignledger.query.admin.ProjectionAdmin;
import org.campaignledger.query.admin.ProjectionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A started query side on the real PostgreSQL ({@code SPRING_DATASOURCE_URL}, or the embedded one).
 * Each test class closes its context when done, so no other one keeps processing events in the background
 * while a later class stops and restarts its own.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class QuerySideIT {

    protected TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected PlatformTransactionManager transactions;

    @Autowired
    protected ProjectionAdmin admin;

    @Autowired
    protected JdbcTemplate jdbc;

    protected EventLog newLog() {
        return new EventLog(eventStore, transactions);
    }

    /** Waits until every projection has processed the whole log. */
    protected void awaitProjections() {
        awaitProjections(admin);
    }

    static void awaitProjections(ProjectionAdmin admin) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.statuses().stream().allMatch(status -> status.caughtUp()
                        && status.state() == ProjectionStatus.State.RUNNING));
    }

    /** The database's clock: the same clock that stamps {@code recorded_at}. */
    protected Instant databaseNow() {
        return jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class).toInstant();
    }
}
