package org.campaignledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.campaignledger.command.api.CommandApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command API over real HTTP against the real PostgreSQL: each endpoint, its events, its errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }
    @Autowired
    JdbcTemplate jdbc;

    private CommandApi api;
    private String campaign;
    private String base;

    @BeforeEach
    void launchCampaign() {
        api = new CommandApi(http, jdbc);
        campaign = "it-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/api/campaigns/" + campaign;
        Answer launched = api.post("/api/campaigns", Bodies.campaign(campaign, START));
        assertThat(launched.status()).isEqualTo(201);
        assertThat(launched.body().path("aggregateId").asText()).isEqualTo(campaign);
        assertThat(launched.body().path("version").asLong()).isZero();
    }

    private static LocalDate day(int day) {
        return START.plusDays(day - 1L);
    }

    @Test
    void recordsEveryKindOfFactAsAnEventWithReadablePayloadAndMetadata() {
        long before = api.eventCount();
        String unit = base + "/units/00004";
        List<Answer> answers = List.of(
                api.post(unit + "/it-officers",
                        "{\"officerId\":\"o-1\",\"employment\":\"STAFF\",\"occurredOn\":\"" + day(2) + "\"}"),
                api.post(unit + "/it-officers/o-1/release", Bodies.occurredOn(day(9))),
                api.post(unit + "/community-teams", "{\"teamId\":\"t-1\",\"residentialGroup\":\"Tổ dân phố 5\","
                        + "\"memberCount\":12,\"occurredOn\":\"" + day(3) + "\"}"),
                api.post(unit + "/rescue-teams", "{\"teamId\":\"r-1\",\"memberCount\":5,\"occurredOn\":\""
                        + day(3) + "\"}"),
                api.post(unit + "/connectivity-upgrades", "{\"servicePoint\":\"Bộ phận một cửa\","
                        + "\"technology\":\"FIVE_G\",\"occurredOn\":\"" + day(4) + "\"}"),
                api.post(unit + "/residential-group-assessments", "{\"residentialGroup\":\"Tổ dân phố 7\","
                        + "\"needLevel\":\"HIGH\",\"occurredOn\":\"" + day(4) + "\"}"),
                api.post(unit + "/student-volunteers", "{\"institution\":\"Đại học Bách khoa Hà Nội\",\"count\":20,"
                        + "\"periodFrom\":\"" + day(5) + "\",\"periodTo\":\"" + day(20) + "\",\"occurredOn\":\""
                        + day(5) + "\"}"),
                api.post(unit + "/telecom-engineers", "{\"operator\":\"Viettel\",\"count\":3,\"occurredOn\":\""
                        + day(5) + "\"}"),
                api.post(unit + "/model-practices", "{\"practiceId\":\"m-1\",\"title\":\"Bình dân học vụ số\","
                        + "\"description\":\"Lớp học buổi tối\",\"occurredOn\":\"" + day(40) + "\"}"),
                api.post(base + "/participants", "{\"participantId\":\"" + campaign + "-p1\",\"unitCode\":\"00004\","
                        + "\"role\":\"OFFICIAL\",\"occurredOn\":\"" + day(2) + "\"}"),
                api.post(base + "/participants/" + campaign + "-p1/course-completions",
                        "{\"course\":\"ONETOUCH_DIGITAL_SKILLS\",\"occurredOn\":\"" + day(12) + "\"}"),
                api.post(base + "/support-points", "{\"pointId\":\"" + campaign + "-sp1\",\"unitCode\":\"00004\","
                        + "\"location\":\"Nhà văn hoá tổ 5\",\"occurredOn\":\"" + day(6) + "\"}"),
                api.post(base + "/support-points/" + campaign + "-sp1/sessions",
                        "{\"peopleServed\":{\"ELDERLY\":7,\"POOR_HOUSEHOLD\":2},\"services\":[\"VNeID\"],"
                                + "\"occurredOn\":\"" + day(7) + "\"}"),
                api.post(base + "/support-points/" + campaign + "-sp1/close", Bodies.occurredOn(day(30))),
                api.post(base + "/close", Bodies.occurredOn(day(45))));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body().toString())
                .isIn(200, 201));
        assertThat(api.eventCount() - before).isEqualTo(answers.size());

        Map<String, Object> row = jdbc.queryForMap("select convert_from(payload, 'UTF8') as payload, "
                + "convert_from(meta_data, 'UTF8') as meta, campaign_id, unit_code, occurred_on, payload_revision "
                + "from domain_event_entry where aggregate_identifier = ? and sequence_number = 2",
                campaign + "/00004");
        assertThat(row.get("payload").toString()).contains("\"residentialGroup\":\"Tổ dân phố 5\"",
                "\"teamId\":\"t-1\"", "\"occurredOn\":\"" + day(3) + "\"");
        assertThat(row.get("meta").toString()).contains("\"principal\":\"department\"", "\"role\":\"DEPARTMENT\"", "\"correlationId\"",
                "\"receivedAt\"");
        assertThat(row.get("campaign_id")).isEqualTo(campaign);
        assertThat(row.get("unit_code")).isEqualTo("00004");
        assertThat(row.get("occurred_on").toString()).isEqualTo(day(3).toString());
        assertThat(row.get("payload_revision")).isEqualTo("1");
    }

    @Test
    void answersTheNewVersionAsAnETagAndHonoursIfMatch() {
        String teams = base + "/units/00008/community-teams";
        Answer first = api.post(teams, team("t-1"));
        assertThat(first.headers().getETag()).isEqualTo("\"0\"");
        long before = api.eventCount();

        Answer stale = api.post(teams, team("t-2"), Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("/problems/version-mismatch");
        assertThat(api.eventCount()).isEqualTo(before);

        Answer current = api.post(teams, team("t-2"), Map.of("If-Match", "\"0\""));
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.body().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothing() {
        String key = UUID.randomUUID().toString();
        String teams = base + "/units/00004/community-teams";
        Answer first = api.post(teams, team("t-9"), Map.of("Idempotency-Key", key));
        long after = api.eventCount();

        Answer retry = api.post(teams, team("t-9"), Map.of("Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.eventCount()).isEqualTo(after);

        Answer otherBody = api.post(teams, team("t-10"), Map.of("Idempotency-Key", key));
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.problemType()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(api.eventCount()).isEqualTo(after);

        String meta = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1", String.class,
                campaign + "/00004");
        assertThat(meta).contains("\"idempotencyKey\":\"" + key + "\"");
    }

    @Test
    void concurrentRetriesWithOneKeyRecordTheFactOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = api.eventCount();
        List<Answer> answers = inParallel(10, i -> api.post(base + "/units/00004/rescue-teams",
                "{\"teamId\":\"r-x\",\"memberCount\":5,\"occurredOn\":\"" + day(3) + "\"}",
                Map.of("Idempotency-Key", key)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.body().path("version").asLong()).containsOnly(0L);
        assertThat(api.eventCount() - before).isEqualTo(1);
    }

    @Test
    void twentyConcurrentWritersOnOneAggregateLoseNothing() throws Exception {
        String unit = campaign + "/00008";
        List<Answer> answers = inParallel(20, i -> api.post(base + "/units/00008/community-teams", team("c-" + i)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.body().path("version").asLong())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 20).boxed().toList());
        assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, unit))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 20).boxed().toList());
    }

    @Test
    void listsEveryMissingFieldAndWritesNothing() {
        long before = api.eventCount();
        Answer answer = api.post(base + "/units/00004/community-teams", "{\"memberCount\":-3}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(answer.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("memberCount", "occurredOn", "residentialGroup", "teamId");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void rejectsBadInputWithAProblemAndLeavesTheLogUnchanged() {
        long before = api.eventCount();
        String teams = base + "/units/00004/community-teams";
        assertBadRequest(api.post(teams, "{\"teamId\":\"t-1\",\"residentialGroup\":\"x\",\"memberCount\":5,"
                + "\"occurredOn\":\"2025-13-45\"}"), "occurredOn");
        // a control character or a space around a date: Jackson would trim it and read the date
        assertBadRequest(api.post(teams, "{\"teamId\":\"t-1\",\"residentialGroup\":\"x\",\"memberCount\":5,"
                + "\"occurredOn\":\"\\u0007" + day(3) + "\"}"), "occurredOn");
        assertBadRequest(api.post(teams, "{\"teamId\":\"t-1\",\"residentialGroup\":\"x\",\"memberCount\":5,"
                + "\"occurredOn\":\"" + day(3) + " \"}"), "occurredOn");
        // the same for an enum's name: Jackson trims it too, so "\u000B\u0000HIGH" was read as HIGH
        assertBadRequest(api.post(base + "/units/00004/residential-group-assessments", "{\"needLevel\":"
                + "\"\\u000B\\u0000HIGH\",\"residentialGroup\":\"x\",\"occurredOn\":\"" + day(3) + "\"}"), "needLevel");
        assertBadRequest(api.post(base + "/units/00004/it-officers", "{\"officerId\":\"o-1\",\"employment\":"
                + "\"STAFF \",\"occurredOn\":\"" + day(3) + "\"}"), "employment");
        assertBadRequest(api.post(base + "/support-points/sp/sessions", "{\"peopleServed\":{\"\\u0007ELDERLY\":2},"
                + "\"services\":[],\"occurredOn\":\"" + day(3) + "\"}"), "peopleServed");
        assertBadRequest(api.post(teams, "{\"teamId\":\"t-1\",\"residentialGroup\":\"x\",\"memberCount\":5,"
                + "\"occurredOn\":\"" + day(3) + "\",\"leader\":\"Nguyễn Văn A\"}"), "leader");
        assertBadRequest(api.post(teams, "{\"teamId\":\"t 1 !\",\"residentialGroup\":\"x\",\"memberCount\":5,"
                + "\"occurredOn\":\"" + day(3) + "\"}"), "teamId");
        assertBadRequest(api.post(teams, "{\"teamId\":\"t-1\",\"residentialGroup\":\"x\",\"memberCount\":\"five\","
                + "\"occurredOn\":\"" + day(3) + "\"}"), "memberCount");
        assertBadRequest(api.post(base + "/support-points/sp/sessions",
                "{\"peopleServed\":{\"ELDERLY\":-1},\"services\":[],\"occurredOn\":\"" + day(3) + "\"}"),
                "peopleServed[ELDERLY]");

        Answer malformed = api.post(teams, "{\"teamId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("/problems/malformed-request");

        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        Answer wrongType = api.exchange(teams, new HttpEntity<>("teamId=t-1", text));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.problemType()).isEqualTo("/problems/unsupported-media-type");

        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void rejectsFactsThatBreakTheCampaignsRulesWithTheirOwnProblemType() {
        long before = api.eventCount();
        Answer unknownUnit = api.post(base + "/units/99999/it-officers",
                "{\"officerId\":\"o-1\",\"employment\":\"STAFF\",\"occurredOn\":\"" + day(2) + "\"}");
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.problemType()).isEqualTo("/problems/unit-not-in-campaign");

        Answer unknownCampaign = api.post("/api/campaigns/no-such-campaign/units/00004/it-officers",
                "{\"officerId\":\"o-1\",\"employment\":\"STAFF\",\"occurredOn\":\"" + day(2) + "\"}");
        assertThat(unknownCampaign.status()).isEqualTo(404);
        assertThat(unknownCampaign.problemType()).isEqualTo("/problems/campaign-not-found");

        Answer beforeStart = api.post(base + "/units/00004/telecom-engineers",
                "{\"operator\":\"VNPT\",\"count\":2,\"occurredOn\":\"" + day(0) + "\"}");
        assertThat(beforeStart.status()).isEqualTo(422);
        assertThat(beforeStart.problemType()).isEqualTo("/problems/date-before-campaign-start");
        assertThat(beforeStart.body().path("detail").asText()).contains("before the campaign's start");

        Answer notEnrolled = api.post(base + "/participants/nobody/course-completions",
                "{\"course\":\"IHANOI\",\"occurredOn\":\"" + day(5) + "\"}");
        assertThat(notEnrolled.status()).isEqualTo(409);
        assertThat(notEnrolled.problemType()).isEqualTo("/problems/participant-not-enrolled");

        Answer relaunch = api.post("/api/campaigns", Bodies.campaign(campaign, START));
        assertThat(relaunch.status()).isEqualTo(409);
        assertThat(relaunch.problemType()).isEqualTo("/problems/campaign-already-launched");

        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void rejectsAFactDatedInTheFuture() {
        String running = "it-now-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(api.post("/api/campaigns", Bodies.campaign(running, today.minusDays(5))).status()).isEqualTo(201);
        long before = api.eventCount();
        Answer future = api.post("/api/campaigns/" + running + "/units/00004/telecom-engineers",
                "{\"operator\":\"VNPT\",\"count\":2,\"occurredOn\":\"" + today.plusDays(2) + "\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.problemType()).isEqualTo("/problems/date-in-future");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    private void assertBadRequest(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).contains(field);
    }

    private String team(String id) {
        return "{\"teamId\":\"" + id + "\",\"residentialGroup\":\"Tổ dân phố " + id + "\",\"memberCount\":12,"
                + "\"occurredOn\":\"" + day(3) + "\"}";
    }

    private interface Call {
        Answer call(int index);
    }

    private static List<Answer> inParallel(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Answer>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                tasks.add(() -> call.call(index));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : pool.invokeAll(tasks)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
