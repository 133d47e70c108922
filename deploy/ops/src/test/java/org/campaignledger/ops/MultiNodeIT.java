package org.campaignledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.command.CommandSideApplication;
import org.campaignledger.query.QuerySideApplication;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.CommandSender;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.send.RetryPolicy;
import org.campaignledger.simulator.tally.Tally;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Several nodes on one machine and one database schema: two command nodes (this JVM and a process) and two
 * query nodes (processes). A simulated campaign goes through both command nodes; one query node is killed
 * with {@code kill -9} midway. Its segments must be claimed by the other within the claim timeout plus a
 * claim interval, every event applied exactly once (the projections equal a fresh rebuild, row for row),
 * every acknowledged command in the log, live updates pushed to browsers on either query node, and
 * concurrent writes to the same aggregates through both command nodes never share a sequence number.
 */
class MultiNodeIT {

    private static final java.util.Map<String, String> DEPARTMENT = HttpCommandSender.basicAuthorization("department", "department");

    private static final Logger log = LoggerFactory.getLogger(MultiNodeIT.class);

    /** Bound on a dead node's segments being claimed elsewhere: claim-timeout 10 s + claim interval 5 s + slack. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(40);

    /** The read model tables, keyed for a stable order (as query-side's ProjectionSnapshot compares them). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("campaign_view", "campaign_id");
        TABLES.put("progress_campaign", "campaign_id");
        TABLES.put("unit_day_delta", "unit_code, day");
        TABLES.put("fact_change", "event_id, day");
        TABLES.put("fact_change_hour", "recorded_hour, unit_code, day");
        TABLES.put("participant_progress", "participant_id");
        TABLES.put("unit_it_officer", "unit_code, officer_id, assigned_on");
        TABLES.put("unit_team", "unit_code, team_id");
        TABLES.put("support_point_view", "point_id");
        TABLES.put("model_practice_view", "practice_id");
    }

    @Test
    void nodesShareTheWorkAndSurviveAQueryNodeKilledMidway() throws Exception {
        String schema = "nodes_" + UUID.randomUUID().toString().substring(0, 8);
        LaunchCampaignCommand launch = sample("nodes-" + UUID.randomUUID().toString().substring(0, 8));
        String campaign = launch.campaignId().value();

        InJvmApp commandA = InJvmApp.start(CommandSideApplication.class, "campaign-ledger-command-side", schema);
        JdbcTemplate jdbc = commandA.context.getBean(JdbcTemplate.class);
        List<String> shared = List.of("--campaign-ledger.database.schema=" + schema,
                "--spring.datasource.url=" + commandA.environment().getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + commandA.environment().getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + commandA.environment().getProperty("spring.datasource.password", ""));
        List<NodeProcess> processes = new ArrayList<>();
        List<LiveStream> browsers = new ArrayList<>();
        try {
            NodeProcess commandB = NodeProcess.start("command-b", CommandSideApplication.class,
                    "campaign-ledger-command-side", shared);
            processes.add(commandB);
            NodeProcess queryA = NodeProcess.start("query-a", QuerySideApplication.class,
                    "campaign-ledger-query-side", shared);
            processes.add(queryA);
            NodeProcess queryB = NodeProcess.start("query-b", QuerySideApplication.class,
                    "campaign-ledger-query-side", shared);
            processes.add(queryB);
            for (NodeProcess node : processes) {
                await(node.name + " up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> {
                            assertThat(node.alive()).as(node.name + " exited; see target/nodes").isTrue();
                            return status(node.baseUrl() + "/actuator/health/liveness") == 200;
                        });
            }

            // 1. the campaign, launched through one command node; both query nodes become ready
            HttpCommandSender senderA = new HttpCommandSender(java.net.URI.create(commandA.baseUrl()), RetryPolicy.standard(), DEPARTMENT);
            HttpCommandSender senderB = new HttpCommandSender(java.net.URI.create(commandB.baseUrl()), RetryPolicy.standard(), DEPARTMENT);
            assertThat(senderA.send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            for (NodeProcess query : List.of(queryA, queryB)) {
                await(query.name + " ready").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> status(query.baseUrl() + "/actuator/health/readiness") == 200);
            }

            // 2. a browser on each query node hears of a fact recorded through the other command node
            for (NodeProcess query : List.of(queryA, queryB)) {
                browsers.add(new LiveStream(query.baseUrl(), campaign));
            }
            await("both browsers connected").atMost(Duration.ofSeconds(20))
                    .until(() -> browsers.stream().allMatch(b -> b.count("hello") == 1));
            String unit = launch.units().get(0).code().value();
            assertThat(post(commandB.baseUrl(), "/api/campaigns/" + campaign + "/units/" + unit + "/it-officers",
                    UUID.randomUUID().toString(), "live-1", launch).status()).isEqualTo(201);
            await("a live update on both query nodes").atMost(Duration.ofSeconds(15))
                    .until(() -> browsers.stream().allMatch(b -> b.count("progress") >= 1));

            // 3. the same aggregates written concurrently through both command nodes
            List<String> contested = launch.units().subList(1, 4).stream().map(u -> u.code().value()).toList();
            List<Answer> answers = contend(campaign, contested, List.of(commandA.baseUrl(), commandB.baseUrl()),
                    launch);
            // accepted, or reported as a conflict (412: still clashing after FactRecorder's retries) — never a 500
            assertThat(answers).extracting(Answer::status).allMatch(s -> s == 201 || s == 409 || s == 412);
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSizeGreaterThan(answers.size() / 2);

            // 4. a simulated campaign through both command nodes; kill -9 the query node holding most segments midway
            CampaignPlan plan = CampaignPlanner.plan(CampaignDefinition.of(launch),
                    PlanSettings.of(0.01, 11).withoutClosing());
            CommandSender bothNodes = alternating(senderA, senderB);
            CompletableFuture<Tally> simulation = CompletableFuture.supplyAsync(
                    () -> Simulation.run(plan, bothNodes, 4, progress -> { }));
            await("half the campaign recorded").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> simulation.isDone() || eventsOf(jdbc, campaign) >= plan.size() / 2);
            NodeProcess victim = ownsMoreSegments(jdbc, queryA, queryB) ? queryA : queryB;
            NodeProcess survivor = victim == queryA ? queryB : queryA;
            log.info("Killing {} (segments {}) with {} events recorded", victim.name, owners(jdbc),
                    eventsOf(jdbc, campaign));
            victim.kill();
            Instant killedAt = Instant.now();
            await("every segment claimed by " + survivor.name).atMost(TAKEOVER_BOUND)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> owners(jdbc).values().stream().allMatch(o -> o != null
                            && o.startsWith(survivor.ownerPrefix())));
            Duration takeover = Duration.between(killedAt, Instant.now());
            log.info("Segments of {} taken over by {} after {} ms", victim.name, survivor.name, takeover.toMillis());

            Tally tally = simulation.get(300, TimeUnit.SECONDS);
            assertThat(tally.failed()).as(tally.summaryLine(Duration.ZERO)).isZero();
            assertThat(tally.accepted()).isGreaterThan(1000);

            // 5. no acknowledged command missing from the log, and no aggregate with a doubled or skipped sequence
            Set<String> logged = new HashSet<>(jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8')::jsonb"
                    + " ->> 'idempotencyKey' FROM domain_event_entry WHERE campaign_id = ?", String.class, campaign));
            assertThat(tally.acceptedCommands()).extracting(PlannedCommand::idempotencyKey)
                    .allMatch(logged::contains);
            assertThat(answers).filteredOn(a -> a.status() == 201).extracting(Answer::key).allMatch(logged::contains);
            assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE campaign_id = ?"
                    + " GROUP BY aggregate_identifier HAVING count(*) <> max(sequence_number) + 1"
                    + " OR count(*) <> count(DISTINCT sequence_number)", String.class, campaign)).isEmpty();
            for (String contestedUnit : contested) {
                long accepted = answers.stream().filter(a -> a.unit().equals(contestedUnit) && a.status() == 201)
                        .count();
                long recorded = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE"
                        + " aggregate_identifier = ? AND convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey'"
                        + " LIKE 'contest-%'", Long.class, campaign + "/" + contestedUnit);
                assertThat(recorded).as("contested unit %s", contestedUnit).isEqualTo(accepted);
            }

            // 6. exactly once: the projections the two nodes built equal a rebuild from the log, row for row
            RestClient survivorApi = RestClient.builder().baseUrl(survivor.baseUrl()).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();
            await("survivor caught up").atMost(Duration.ofSeconds(120))
                    .ignoreExceptionsInstanceOf(org.springframework.web.client.RestClientException.class)
                    .untilAsserted(() -> assertCaughtUp(survivorApi));
            Map<String, List<Map<String, Object>>> live = snapshot(jdbc, campaign);
            for (String projection : List.of("campaigns", "progress", "unit-details")) {
                survivorApi.post().uri("/api/admin/projections/" + projection + "/rebuild").retrieve()
                        .toBodilessEntity();
                // the rebuild runs in the background: first its tokens are reset, then it replays the log
                await("tokens of " + projection + " reset").atMost(Duration.ofSeconds(60))
                        .until(() -> jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?"
                                + " AND tokentype LIKE '%ReplayToken'", Long.class, projection) > 0);
                await("rebuild of " + projection).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptionsInstanceOf(org.springframework.web.client.RestClientException.class)
                        .untilAsserted(() -> assertCaughtUp(survivorApi));
            }
            assertThat(snapshot(jdbc, campaign)).isEqualTo(live);
            assertThat(live.get("unit_day_delta")).isNotEmpty();
            assertThat(takeover).isLessThan(TAKEOVER_BOUND);
        } finally {
            browsers.forEach(LiveStream::close);
            for (NodeProcess node : processes) {
                node.close();
            }
            commandA.close();
            InJvmApp.dropSchema(commandA.environment(), schema);
        }
    }

    private record Answer(String unit, String key, int status) {
    }

    /** Ten assignments per unit and command node, all at once: versions collide, the loser is retried or told so. */
    private static List<Answer> contend(String campaign, List<String> units, List<String> nodes,
                                        LaunchCampaignCommand launch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (String unit : units) {
                    for (int n = 0; n < nodes.size(); n++) {
                        String node = nodes.get(n);
                        String officer = "contest-" + n + "-" + i;
                        String key = "contest-" + UUID.randomUUID();
                        futures.add(pool.submit(() -> new Answer(unit, key, post(node, "/api/campaigns/" + campaign
                                + "/units/" + unit + "/it-officers", key, officer, launch).status())));
                    }
                }
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Response(int status) {
    }

    private static Response post(String baseUrl, String path, String key, String officer,
                                 LaunchCampaignCommand launch) {
        return RestClient.builder().baseUrl(baseUrl).defaultHeaders(h -> h.setBasicAuth("department", "department")).build().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .body("{\"officerId\":\"" + officer + "\",\"employment\":\"STAFF\",\"occurredOn\":\""
                        + launch.startDate().plusDays(1) + "\"}")
                .exchange((request, response) -> new Response(response.getStatusCode().value()));
    }

    private static CommandSender alternating(CommandSender first, CommandSender second) {
        AtomicLong sent = new AtomicLong();
        return (command, key) -> (sent.getAndIncrement() % 2 == 0 ? first : second).send(command, key);
    }

    private static void assertCaughtUp(RestClient queryApi) {
        JsonNode readiness = queryApi.get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        for (String projection : List.of("campaigns", "progress", "unit-details")) {
            JsonNode lag = readiness.path("components").path("projections").path("details").path(projection);
            assertThat(lag.path("lagEvents").asLong(-1)).as(projection + " " + lag).isZero();
            assertThat(lag.path("replaying").asBoolean(true)).as(projection).isFalse();
        }
    }

    private static boolean ownsMoreSegments(JdbcTemplate jdbc, NodeProcess a, NodeProcess b) {
        Map<String, String> owners = owners(jdbc);
        long ofA = owners.values().stream().filter(o -> o != null && o.startsWith(a.ownerPrefix())).count();
        long ofB = owners.values().stream().filter(o -> o != null && o.startsWith(b.ownerPrefix())).count();
        return ofA >= ofB;
    }

    /** Every segment of the query side's processing groups and the node that claims it. */
    private static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new LinkedHashMap<>();
        jdbc.query("SELECT processorname, segment, owner FROM tokenentry WHERE processorname IN"
                + " ('campaigns', 'progress', 'unit-details') ORDER BY 1, 2",
                rs -> { owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)); });
        return owners;
    }

    private static long eventsOf(JdbcTemplate jdbc, String campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE campaign_id = ?", Long.class,
                campaign);
    }

    private static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc, String campaign) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> snapshot.put(table, jdbc.queryForList(
                "SELECT * FROM " + table + " WHERE campaign_id = ? ORDER BY " + order, campaign)));
        // the version only tags a state for caches; a rebuild reaches the same state under new tags
        snapshot.get("progress_campaign").forEach(row -> row.remove("version"));
        return snapshot;
    }

    private static int status(String url) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth("department", "department")).build().get().uri(url).exchange((request, response) -> response.getStatusCode().value());
    }

    /** Hanoi's definition on its first twelve units, under a campaign id of the test's. */
    private static LaunchCampaignCommand sample(String id) {
        LaunchCampaignCommand hanoi = HanoiCampaignDefinition.launchCommand();
        return new LaunchCampaignCommand(new CampaignId(id), hanoi.name(), hanoi.directive(), hanoi.startDate(),
                hanoi.durationDays(), hanoi.timeZone(), hanoi.targets(), hanoi.courses(), hanoi.requiredCourses(),
                hanoi.units().subList(0, 12));
    }
}
