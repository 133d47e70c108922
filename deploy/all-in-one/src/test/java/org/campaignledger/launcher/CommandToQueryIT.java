package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user's whole path, over HTTP only: facts posted to the command API, figures read from the query
 * API. Two units, four participants, one support point, a released officer, a late report. Every
 * expected number is worked out by hand in the comments.
 */
@SpringBootTest(classes = CampaignLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandToQueryIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final String campaign = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> posted = new ArrayList<>();
    private OffsetDateTime beforeLateReport;

    private static LocalDate day(int day) {
        return START.plusDays(day - 1L);
    }

    @BeforeAll
    void recordTheCampaign() {
        post("/api/campaigns", """
                {"campaignId":"%s","name":"Chiến dịch thử","directive":"Chỉ thị 11/CT-UBND","startDate":"%s",
                 "durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                 "targets":[{"metric":"IT_OFFICER_COVERAGE","goal":100},{"metric":"OFFICIALS_TRAINED","goal":100},
                            {"metric":"COMMUNITY_TEAMS_FORMED","goal":10}],
                 "courses":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION","IHANOI"],
                 "requiredCourses":{"OFFICIAL":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION"],
                                    "TEAM_MEMBER":["IHANOI"]},
                 "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD"},
                          {"code":"00008","name":"Phường Ngọc Hà","kind":"WARD"}]}""".formatted(campaign, START));
        String a = "/api/campaigns/" + campaign + "/units/00004";
        String b = "/api/campaigns/" + campaign + "/units/00008";
        String people = "/api/campaigns/" + campaign + "/participants";
        post(a + "/it-officers", officer("o1", "STAFF", 2));
        post(b + "/it-officers", officer("o2", "CONTRACTED", 3));
        post(b + "/it-officers/o2/release", occurredOn(10));
        post(people, enrol("a1", "00004", "OFFICIAL", 2));
        post(people, enrol("a2", "00004", "OFFICIAL", 2));
        post(people, enrol("b1", "00008", "OFFICIAL", 3));
        post(people, enrol("bt", "00008", "TEAM_MEMBER", 3));
        complete("a1", "ONETOUCH_DIGITAL_SKILLS", 5);
        complete("a1", "POPULAR_DIGITAL_EDUCATION", 8);
        complete("a2", "ONETOUCH_DIGITAL_SKILLS", 6);
        complete("b1", "ONETOUCH_DIGITAL_SKILLS", 4);
        complete("b1", "POPULAR_DIGITAL_EDUCATION", 4);
        complete("bt", "IHANOI", 7);
        post(a + "/community-teams", "{\"teamId\":\"t1\",\"residentialGroup\":\"Tổ dân phố 1\",\"memberCount\":12,"
                + "\"occurredOn\":\"" + day(4) + "\"}");
        post("/api/campaigns/" + campaign + "/support-points", "{\"pointId\":\"" + campaign + "-p1\","
                + "\"unitCode\":\"00004\",\"location\":\"Nhà văn hoá\",\"occurredOn\":\"" + day(3) + "\"}");
        post("/api/campaigns/" + campaign + "/support-points/" + campaign + "-p1/sessions",
                "{\"peopleServed\":{\"ELDERLY\":4,\"OTHER\":2},\"services\":[\"VNeID\"],\"occurredOn\":\""
                        + day(5) + "\"}");
        post("/api/campaigns/" + campaign + "/support-points/" + campaign + "-p1/close", occurredOn(20));
        awaitStaffTrainedOnDay(15, 2);

        beforeLateReport = jdbc.queryForObject("select clock_timestamp()", OffsetDateTime.class);
        // a2 finished POPULAR on day 12 but it is reported only now
        complete("a2", "POPULAR_DIGITAL_EDUCATION", 12);
        awaitStaffTrainedOnDay(15, 3);
    }

    @Test
    void theTimelineCountsEachFactOnItsBusinessDay() {
        JsonNode days = get("/api/campaigns/" + campaign + "/timeline").path("days");
        assertThat(days).hasSize(45);
        JsonNode day5 = days.get(4).path("metrics");
        assertThat(day5.path("unitsWithItOfficer").asInt()).isEqualTo(2);      // o1 since day 2, o2 since day 3
        assertThat(day5.path("staffEnrolled").asInt()).isEqualTo(3);           // a1, a2, b1
        assertThat(day5.path("staffTrained").asInt()).isEqualTo(1);            // b1 on day 4
        assertThat(day5.path("supportPointsOpen").asInt()).isEqualTo(1);       // opened day 3
        assertThat(day5.path("peopleServedTotal").asInt()).isEqualTo(6);       // 4 elderly + 2 other
        JsonNode day10 = days.get(9).path("metrics");
        assertThat(day10.path("unitsWithItOfficer").asInt()).isEqualTo(1);     // o2 released on day 10
        assertThat(day10.path("staffTrained").asInt()).isEqualTo(2);           // + a1 on day 8
        assertThat(day10.path("teamMembersTrained").asInt()).isEqualTo(1);     // bt on day 7
        assertThat(days.get(19).path("metrics").path("supportPointsOpen").asInt()).isZero();  // closed day 20
        assertThat(days.get(11).path("metrics").path("staffTrained").asInt()).isEqualTo(3);  // a2's late day 12
    }

    @Test
    void aLateReportCountsOnItsBusinessDayButNotAsKnownBeforeItWasRecorded() {
        String timeline = "/api/campaigns/" + campaign + "/timeline";
        assertThat(get(timeline).path("days").get(14).path("metrics").path("staffTrained").asInt()).isEqualTo(3);
        JsonNode asKnown = get(timeline + "?asKnownAt=" + beforeLateReport.toInstant());
        assertThat(asKnown.path("days").get(14).path("metrics").path("staffTrained").asInt()).isEqualTo(2);
    }

    @Test
    void theSummarySaysWhichTargetsAreMet() {
        JsonNode summary = get("/api/campaigns/" + campaign + "/summary");
        assertThat(target(summary, "OFFICIALS_TRAINED").path("met").asBoolean()).isTrue();          // 3 of 3
        JsonNode coverage = target(summary, "IT_OFFICER_COVERAGE");                                // 1 of 2 units
        assertThat(coverage.path("met").asBoolean()).isFalse();
        assertThat(coverage.path("value").decimalValue()).isEqualByComparingTo("50");
        JsonNode teams = target(summary, "COMMUNITY_TEAMS_FORMED");                                // 1 of 10
        assertThat(teams.path("percentOfGoal").decimalValue()).isEqualByComparingTo("10");
        assertThat(summary.path("laggingUnits").get(0).path("unitCode").asText()).isEqualTo("00008");
    }

    @Test
    void theComparisonShowsWhatMovedBetweenTwoDates() {
        JsonNode compare = get("/api/campaigns/" + campaign + "/compare?from=" + day(5) + "&to=" + day(10));
        assertThat(delta(compare.path("cityWide"), "staffTrained")).isEqualByComparingTo("1");        // 1 -> 2
        assertThat(delta(compare.path("cityWide"), "unitsWithItOfficer")).isEqualByComparingTo("-1"); // 2 -> 1
    }

    @Test
    void theEvaluationReportListsEachPersonsCourses() {
        JsonNode evaluation = get("/api/campaigns/" + campaign + "/evaluation?unit=00004");
        JsonNode a2 = null;
        for (JsonNode participant : evaluation.path("participants")) {
            if (participant.path("participantId").asText().equals(campaign + "-a2")) {
                a2 = participant;
            }
        }
        assertThat(a2).isNotNull();
        assertThat(a2.path("trained").asBoolean()).isTrue();
        assertThat(a2.path("trainedOn").asText()).isEqualTo(day(12).toString());
        assertThat(a2.path("missing")).isEmpty();
    }

    @Test
    void theAuditExportHoldsEveryPostedFactOnceInOrder() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/x-ndjson")));
        ResponseEntity<String> export = http.exchange("/api/audit/events?campaign=" + campaign,
                org.springframework.http.HttpMethod.GET, new HttpEntity<>(headers), String.class);
        String[] lines = export.getBody().strip().split("\n");
        assertThat(lines).hasSize(posted.size());
        List<String> principals = new ArrayList<>();
        for (String line : lines) {
            principals.add(read(line).path("metaData").path("principal").asText());
        }
        assertThat(principals).containsOnly("department");
    }

    private JsonNode target(JsonNode summary, String metric) {
        for (JsonNode target : summary.path("targets")) {
            if (target.path("metric").asText().equals(metric)) {
                return target;
            }
        }
        throw new AssertionError("no target " + metric + " in " + summary.path("targets"));
    }

    private static java.math.BigDecimal delta(JsonNode deltas, String metric) {
        for (JsonNode delta : deltas) {
            if (delta.path("metric").asText().equals(metric)) {
                return delta.path("delta").decimalValue();
            }
        }
        throw new AssertionError("no delta for " + metric + " in " + deltas);
    }

    private void awaitStaffTrainedOnDay(int day, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/campaigns/" + campaign + "/timeline").path("days").get(day - 1).path("metrics")
                        .path("staffTrained").asInt()).isEqualTo(expected));
    }

    private void complete(String person, String course, int day) {
        post("/api/campaigns/" + campaign + "/participants/" + campaign + "-" + person + "/course-completions",
                "{\"course\":\"" + course + "\",\"occurredOn\":\"" + day(day) + "\"}");
    }

    private String enrol(String person, String unit, String role, int day) {
        return "{\"participantId\":\"" + campaign + "-" + person + "\",\"unitCode\":\"" + unit + "\",\"role\":\""
                + role + "\",\"occurredOn\":\"" + day(day) + "\"}";
    }

    private static String officer(String id, String employment, int day) {
        return "{\"officerId\":\"" + id + "\",\"employment\":\"" + employment + "\",\"occurredOn\":\"" + day(day)
                + "\"}";
    }

    private static String occurredOn(int day) {
        return "{\"occurredOn\":\"" + day(day) + "\"}";
    }

    private void post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " -> " + answer.getBody()).isTrue();
        posted.add(path);
    }

    private JsonNode get(String path) {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode().value()).as(path + " -> " + answer.getBody()).isEqualTo(200);
        return read(answer.getBody());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
