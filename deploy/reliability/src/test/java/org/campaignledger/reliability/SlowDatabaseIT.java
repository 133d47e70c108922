package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that answers, but too slowly: every insert into the event table sleeps a minute (a
 * {@code pg_sleep} trigger). Sixteen concurrent commands are each answered a 503 problem within a bounded
 * time (PostgreSQL cancels each statement at {@code statement_timeout}; commands queued behind them on the
 * same aggregate are answered when their caller's wait ends, and not run after it), nothing is recorded, and
 * once the delay is removed commands succeed again and the pool's active connections return to what they
 * were before (the dashboard's LISTEN connection is always out): none leaked. The timeouts are short here to keep the test short; the defaults are 15 s and 30 s.
 */
class SlowDatabaseIT {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(8);
    /** The command timeout, a wait for a connection (5 s at most), and slack for a loaded machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(16);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void slowStatementsAreCutOffAndAnswered503WithoutLeakingConnections() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
             RunningLedger ledger = RunningLedger.start(postgres.jdbcUrl(), List.of(),
                     "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout="
                             + STATEMENT_TIMEOUT.toMillis(),
                     "--campaign-ledger.command.timeout=" + COMMAND_TIMEOUT.toMillis() + "ms")) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
            LaunchCampaignCommand launch = SampleCampaign.launch("slow", 3);
            String campaign = launch.campaignId().value();
            assertThat(SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(30))
                    .send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            String unit = launch.units().get(0).code().value();
            assertThat(assign(ledger, campaign, unit, "before", launch).status()).isEqualTo(201);
            long before = events(admin, campaign);
            HikariDataSource pool = ledger.context.getBean(HikariDataSource.class);
            int idle = idleActiveConnections(pool);

            admin.execute("CREATE FUNCTION reliability_slow_insert() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
            admin.execute("CREATE TRIGGER reliability_slow_insert BEFORE INSERT ON domain_event_entry"
                    + " FOR EACH ROW EXECUTE FUNCTION reliability_slow_insert()");
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Answer> answers = new ArrayList<>();
            try {
                List<Future<Answer>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String officer = "slow-" + i;
                    futures.add(clients.submit(() -> assign(ledger, campaign, unit, officer, launch)));
                }
                for (Future<Answer> future : futures) {
                    answers.add(future.get(120, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }
            for (Answer answer : answers) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.retryAfter()).isNotNull();
                assertThat(answer.took()).as(answer.toString()).isLessThan(ANSWER_BOUND);
            }
            // a command taken from the queue just before its caller gave up runs into the timeout too
            Thread.sleep(STATEMENT_TIMEOUT.plusSeconds(1).toMillis());
            assertThat(events(admin, campaign)).as("nothing recorded by a cancelled insert").isEqualTo(before);

            admin.execute("DROP TRIGGER reliability_slow_insert ON domain_event_entry");
            assertThat(assign(ledger, campaign, unit, "after", launch).status()).isEqualTo(201);
            assertThat(events(admin, campaign)).isEqualTo(before + 1);
            await("the pool's connections returned").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> pool.getHikariPoolMXBean().getActiveConnections() <= idle);
            assertThat(pool.getHikariPoolMXBean().getThreadsAwaitingConnection()).isZero();
            assertThat(pool.getHikariPoolMXBean().getTotalConnections())
                    .isLessThanOrEqualTo(pool.getMaximumPoolSize());
        }
    }

    /** The fewest connections out over two seconds of an idle application: those held for good. */
    private static int idleActiveConnections(HikariDataSource pool) throws InterruptedException {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            fewest = Math.min(fewest, pool.getHikariPoolMXBean().getActiveConnections());
            Thread.sleep(20);
        }
        assertThat(fewest).as("connections held for good (the dashboard's LISTEN)").isLessThanOrEqualTo(1);
        return fewest;
    }

    private record Answer(int status, String contentType, String retryAfter, String body, Duration took) {
    }

    private Answer assign(RunningLedger ledger, String campaign, String unit, String officer,
                          LaunchCampaignCommand launch) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/api/campaigns/" + campaign
                        + "/units/" + unit + "/it-officers"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"officerId\":\"" + officer
                        + "\",\"employment\":\"STAFF\",\"occurredOn\":\"" + launch.startDate().plusDays(1) + "\"}"))
                .build();
        Instant start = Instant.now();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                Duration.between(start, Instant.now()));
    }

    private static long events(JdbcTemplate jdbc, String campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE campaign_id = ?", Long.class,
                campaign);
    }
}
