package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.tally.Tally;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database stopped under load (a private cluster, as {@code pg_ctl stop -m fast} does), or crashed (as
 * {@code -m immediate} does: the projections' asynchronous commits of its last moments are lost), for several
 * seconds, then started again. While it is down, a command and a query are answered 503 problems with
 * Retry-After within a bounded time; afterwards the same application, not restarted, records again, its
 * processors resume and catch up, every acknowledged command is in the log once, and the projections
 * equal a rebuild.
 */
class DatabaseOutageIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);

    /** Hikari's connection-timeout (5 s) plus slack: a request never waits longer for a dead database. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(12);
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How the database goes away. */
    enum Outage { STOPPED, CRASHED }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart(Outage outage) throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
             RunningLedger ledger = RunningLedger.start(postgres.jdbcUrl(), List.of())) {
            LaunchCampaignCommand launch = SampleCampaign.launch("outage", 6);
            String campaign = launch.campaignId().value();
            HttpCommandSender sender = SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(90));
            assertThat(sender.send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            CampaignPlan plan = SampleCampaign.plan(launch, 0.01, 7);

            CompletableFuture<Tally> load = CompletableFuture.supplyAsync(
                    () -> Simulation.run(plan, sender, 4, progress -> { }));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
            await("a third of the campaign recorded").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> load.isDone() || events(jdbc, campaign) >= plan.size() / 3);
            assertThat(load.isDone()).as("the load still runs when the database goes").isFalse();

            log.info("PostgreSQL {} with {} events recorded", outage, events(jdbc, campaign));
            if (outage == Outage.CRASHED) {
                postgres.crash();
            } else {
                postgres.stop();
            }
            Instant stoppedAt = Instant.now();
            Answer command = post(ledger.baseUrl() + "/api/campaigns/" + campaign + "/units/"
                    + launch.units().get(0).code().value() + "/it-officers",
                    "{\"officerId\":\"outage-probe\",\"employment\":\"STAFF\",\"occurredOn\":\""
                            + launch.startDate().plusDays(1) + "\"}");
            Answer query = get(ledger.baseUrl() + "/api/campaigns/" + campaign + "/summary");
            Answer list = get(ledger.baseUrl() + "/api/campaigns");
            log.info("While PostgreSQL is {}: a command answered in {} ms, the summary in {} ms, the list in {} ms",
                    outage, command.took().toMillis(), query.took().toMillis(), list.took().toMillis());
            for (Answer answer : List.of(command, query, list)) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                assertThat(answer.retryAfter()).as(answer.toString()).isNotNull();
                assertThat(answer.body()).contains("/problems/service-unavailable");
                assertThat(answer.took()).as(answer.toString()).isLessThan(ANSWER_BOUND);
            }
            Duration left = OUTAGE.minus(Duration.between(stoppedAt, Instant.now()));
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis());
            }
            postgres.resume();
            log.info("PostgreSQL started again after {} ms", Duration.between(stoppedAt, Instant.now()).toMillis());

            Tally tally = load.get(300, TimeUnit.SECONDS);
            // no command failed (a 500, or still unavailable after the client's retries), none decided otherwise
            assertThat(tally.failed()).as(tally.failureSamples().toString()).isZero();
            assertThat(tally.unexpected()).as(tally.unexpectedSamples().toString()).isZero();
            assertThat(post(ledger.baseUrl() + "/api/campaigns/" + campaign + "/units/"
                    + launch.units().get(1).code().value() + "/it-officers",
                    "{\"officerId\":\"after-outage\",\"employment\":\"STAFF\",\"occurredOn\":\""
                            + launch.startDate().plusDays(1) + "\"}").status()).isEqualTo(201);

            List<String> acknowledged = tally.acceptedCommands().stream().map(PlannedCommand::idempotencyKey).toList();
            LedgerChecks.Result result = LedgerChecks.acknowledgedExactlyOnce(jdbc, campaign, acknowledged);
            // the processors resume by themselves (Axon retries a failed batch with backoff) and catch up
            LedgerChecks.awaitCaughtUp(LedgerChecks.api(ledger.baseUrl()), Duration.ofSeconds(120));
            result = result.withProjectionMismatches(
                    LedgerChecks.projectionMismatchesAfterRebuild(ledger.baseUrl(), jdbc, campaign));
            log.info("Database {}: sent {}, {}", outage, tally.sent(), result);
            assertThat(result.missing()).isZero();
            assertThat(result.duplicates()).isZero();
            assertThat(result.projectionMismatches()).isZero();
        }
    }

    private record Answer(int status, String contentType, String retryAfter, String body, Duration took) {
    }

    private Answer post(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60))
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                Duration.between(start, Instant.now()));
    }

    private static long events(JdbcTemplate jdbc, String campaign) {
        try {
            return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE campaign_id = ?", Long.class,
                    campaign);
        } catch (org.springframework.dao.DataAccessException down) {
            return 0;
        }
    }
}
