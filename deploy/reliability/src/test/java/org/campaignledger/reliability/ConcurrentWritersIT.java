package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 32 clients writing to the same unit and the same participant at once, over HTTP: every accepted fact is
 * in the log once and nothing else is (no lost update, no duplicate), each aggregate's sequence has no gap
 * and no repeat, a client that sent If-Match with a version that moved on gets 412, a course completed by
 * several clients at once is accepted once and refused as a conflict (409) for the others, and a retry
 * racing its original with the same Idempotency-Key records once.
 */
class ConcurrentWritersIT {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentWritersIT.class);

    private static final int CLIENTS = 32;
    private static final int ROUNDS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(String aggregate, String kind, String key, int status, String etag, boolean replayed,
                          String body) {
    }

    @Test
    void noLostUpdateNoDuplicateAndConflictsReported() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
             RunningLedger ledger = RunningLedger.start(postgres.jdbcUrl(), List.of())) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
            LaunchCampaignCommand launch = SampleCampaign.launch("writers", 2);
            String campaign = launch.campaignId().value();
            assertThat(SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(30))
                    .send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            String unit = launch.units().get(0).code().value();
            String unitAggregate = campaign + "/" + unit;
            String participant = campaign + ":p-1";
            String day = launch.startDate().plusDays(3).toString();
            String base = ledger.baseUrl() + "/api/campaigns/" + campaign;
            Answer enrolled = post(base + "/participants", null, UUID.randomUUID().toString(), "enrol",
                    participant, "{\"participantId\":\"" + participant + "\",\"unitCode\":\"" + unit
                            + "\",\"role\":\"OFFICIAL\",\"occurredOn\":\"" + day + "\"}");
            assertThat(enrolled.status()).isEqualTo(201);
            Answer first = post(base + "/units/" + unit + "/it-officers", null, UUID.randomUUID().toString(),
                    "assign", unitAggregate, officer("first", day));
            assertThat(first.status()).isEqualTo(201);
            List<String> courses = launch.courses().stream().map(c -> c.value()).toList();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Answer>>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit((Callable<List<Answer>>) () -> {
                    start.await();
                    List<Answer> answers = new ArrayList<>();
                    String seenVersion = first.etag();
                    for (int round = 0; round < ROUNDS; round++) {
                        String officer = "o-" + client + "-" + round;
                        // plain writes to the same unit: all must land
                        Answer plain = post(base + "/units/" + unit + "/it-officers", null,
                                UUID.randomUUID().toString(), "assign", unitAggregate, officer(officer, day));
                        answers.add(plain);
                        if (plain.etag() != null) {
                            seenVersion = plain.etag();
                        }
                        // conditional writes: accepted only on the version the client saw
                        Answer conditional = post(base + "/units/" + unit + "/it-officers", seenVersion,
                                UUID.randomUUID().toString(), "conditional", unitAggregate,
                                officer("if-" + officer, day));
                        answers.add(conditional);
                        if (conditional.etag() != null) {
                            seenVersion = conditional.etag();
                        }
                        // the same participant, the same few courses: one acceptance per course
                        String course = courses.get((client + round) % courses.size());
                        answers.add(post(base + "/participants/" + participant + "/course-completions", null,
                                UUID.randomUUID().toString(), "complete", participant,
                                "{\"course\":\"" + course + "\",\"occurredOn\":\"" + day + "\"}"));
                    }
                    // a retry racing its original: clients 2k and 2k+1 share a key and a body
                    String shared = "shared-" + (client / 2);
                    answers.add(post(base + "/units/" + unit + "/it-officers", null, shared, "shared",
                            unitAggregate, officer(shared, day)));
                    return answers;
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<List<Answer>> future : futures) {
                answers.addAll(future.get(300, TimeUnit.SECONDS));
            }
            clients.shutdownNow();

            // what the log and the key table hold for each racing pair that was not answered as one request
            answers.stream().filter(a -> a.kind().equals("shared") && a.status() != 201).forEach(a -> log.warn(
                    "Racing key {} answered {}: its events {}, its key rows {}", a.key(), a.status(),
                    jdbc.queryForList("SELECT global_index, sequence_number, recorded_at FROM domain_event_entry"
                            + " WHERE campaign_id = ? AND convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey'"
                            + " = ?", campaign, a.key()),
                    jdbc.queryForList("SELECT principal, aggregate_version, recorded_at FROM idempotency_record"
                            + " WHERE idempotency_key = ?", a.key())));
            Map<Integer, Long> byStatus = answers.stream()
                    .collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            assertThat(byStatus.keySet()).as(byStatus + " " + samples(answers)).isSubsetOf(201, 409, 412);
            assertThat(answers).filteredOn(a -> a.kind().equals("assign")).allMatch(a -> a.status() == 201);
            assertThat(answers).filteredOn(a -> a.kind().equals("conditional") && a.status() != 201)
                    .allMatch(a -> a.status() == 412 && a.body().contains("version-mismatch"));
            assertThat(answers).filteredOn(a -> a.kind().equals("complete") && a.status() == 201)
                    .hasSize(courses.size());
            assertThat(answers).filteredOn(a -> a.kind().equals("complete") && a.status() != 201)
                    .allMatch(a -> a.status() == 409 && a.body().contains("course-already-completed"));
            assertThat(answers).filteredOn(a -> a.kind().equals("shared")).allMatch(a -> a.status() == 201);
            assertThat(answers).filteredOn(a -> a.kind().equals("shared") && a.replayed()).hasSize(CLIENTS / 2);

            // the log holds exactly the accepted facts: each key once, nothing unacknowledged
            Map<String, Long> logged = LedgerChecks.keysInLog(jdbc, campaign);
            List<String> acknowledged = answers.stream().filter(a -> a.status() == 201).map(Answer::key)
                    .distinct().toList();
            assertThat(logged.keySet()).containsAll(acknowledged);
            assertThat(logged.values()).allMatch(count -> count == 1);
            long unitEvents = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE"
                    + " aggregate_identifier = ?", Long.class, unitAggregate);
            long unitAccepted = answers.stream().filter(a -> a.aggregate().equals(unitAggregate)
                    && a.status() == 201 && !a.replayed()).count();
            assertThat(unitEvents).as("the unit's events: the first assignment and each accepted one")
                    .isEqualTo(1 + unitAccepted);
            LedgerChecks.Result result = LedgerChecks.acknowledgedExactlyOnce(jdbc, campaign, acknowledged);

            // If-Match itself: the current version is accepted once, then it is stale
            long current = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ?", Long.class, unitAggregate);
            assertThat(post(base + "/units/" + unit + "/it-officers", "\"" + current + "\"",
                    UUID.randomUUID().toString(), "conditional", unitAggregate, officer("if-current", day)).status())
                    .isEqualTo(201);
            assertThat(post(base + "/units/" + unit + "/it-officers", "\"" + current + "\"",
                    UUID.randomUUID().toString(), "conditional", unitAggregate, officer("if-stale", day)).status())
                    .isEqualTo(412);
            assertThat(result.missing()).isZero();
            assertThat(result.duplicates()).as("repeated keys or broken sequences").isZero();
        }
    }

    private static String officer(String id, String day) {
        return "{\"officerId\":\"" + id + "\",\"employment\":\"STAFF\",\"occurredOn\":\"" + day + "\"}";
    }

    private Answer post(String url, String ifMatch, String key, String kind, String aggregate, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(aggregate, kind, key, response.statusCode(), response.headers().firstValue("ETag")
                .orElse(null), response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body());
    }

    private static List<String> samples(List<Answer> answers) {
        return answers.stream().filter(a -> a.status() != 201 && a.status() != 409 && a.status() != 412).limit(5)
                .map(a -> a.status() + " " + a.body()).toList();
    }
}
