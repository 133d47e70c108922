package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.tally.Tally;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The crash harness: the all-in-one jar runs as a process of its own on a private PostgreSQL cluster; the
 * simulator drives a campaign through its HTTP API (retrying with the same Idempotency-Key when the
 * connection drops) while the process is killed with {@code kill -9} at random moments and restarted, at
 * least five times. The simulator's tally is the client's ledger of every 2xx. At the end every acknowledged
 * command's event is in the log exactly once, no key is in the log twice (no retry recorded anything a second
 * time), no command failed or was decided otherwise than planned, and every projection equals a fresh rebuild.
 *
 * <p>CI runs it small ({@code crash.units=6}, {@code crash.scale=0.01}, {@code crash.kills=5}); a bigger run:
 * {@code mvn -pl deploy/reliability verify -Dit.test=ProcessCrashIT -Dcrash.units=40 -Dcrash.scale=0.05
 * -Dcrash.kills=12} (docs/RELIABILITY.md).
 */
class ProcessCrashIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessCrashIT.class);

    @Test
    void nothingAcknowledgedIsLostAndNothingIsRecordedTwiceAcrossKills() throws Exception {
        int units = Integer.getInteger("crash.units", 6);
        double scale = Double.parseDouble(System.getProperty("crash.scale", "0.01"));
        int kills = Integer.getInteger("crash.kills", 5);
        long seed = Long.getLong("crash.seed", 20250724L);
        Random random = new Random(seed);
        try (PrivatePostgres postgres = PrivatePostgres.start();
             AllInOneProcess ledger = new AllInOneProcess(AllInOneProcess.defaultJar(), List.of(
                     "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                     "--spring.datasource.password=", "--campaign-ledger.metrics.refresh=1h"))) {
            ledger.start();
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
            LaunchCampaignCommand launch = SampleCampaign.launch("crash", units);
            String campaign = launch.campaignId().value();
            HttpCommandSender sender = SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(240));
            assertThat(sender.send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            CampaignPlan plan = SampleCampaign.plan(launch, scale, seed);
            Instant began = Instant.now();
            CompletableFuture<Tally> load = CompletableFuture.supplyAsync(
                    () -> Simulation.run(plan, sender, 4, progress -> { }));

            int killed = 0;
            while (killed < kills) {
                long recorded = events(jdbc, campaign);
                // a random moment: after a random share of the plan's next slice is in the log
                long target = recorded + 1 + random.nextInt(Math.max(2, plan.size() / (kills * 2)));
                await("load before kill " + (killed + 1)).atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(20)).until(() -> load.isDone() || events(jdbc, campaign)
                                >= target);
                if (load.isDone()) {
                    break;
                }
                Thread.sleep(random.nextInt(400));
                ledger.kill();
                killed++;
                log.info("kill -9 #{} with {} events of the campaign in the log", killed, events(jdbc, campaign));
                ledger.start();
            }
            Tally tally = load.get(600, TimeUnit.SECONDS);
            assertThat(killed).as("kills while the load ran (make the plan larger)").isEqualTo(kills);

            List<String> acknowledged = tally.acceptedCommands().stream().map(PlannedCommand::idempotencyKey).toList();
            LedgerChecks.Result result = LedgerChecks.acknowledgedExactlyOnce(jdbc, campaign, acknowledged);
            result = result.withProjectionMismatches(
                    LedgerChecks.projectionMismatchesAfterRebuild(ledger.baseUrl(), jdbc, campaign));
            log.info("Process crash: {} kills, {} starts, sent {} (planned {}), rejected as planned {}, failed {}, {}"
                            + " in {} s", killed, ledger.starts(), tally.sent(), plan.size(), tally.rejected(),
                    tally.failed(), result, Duration.between(began, Instant.now()).toSeconds());
            assertThat(tally.failed()).as(tally.failureSamples().toString()).isZero();
            assertThat(tally.unexpected()).as(tally.unexpectedSamples().toString()).isZero();
            assertThat(result.missing()).isZero();
            assertThat(result.duplicates()).isZero();
            assertThat(result.projectionMismatches()).isZero();
        }
    }

    private static long events(JdbcTemplate jdbc, String campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE campaign_id = ?", Long.class,
                campaign);
    }
}
