package org.campaignledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
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

/** Importing a course platform's completion export over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourseCompletionImportIT {

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
    private String imports;

    @BeforeEach
    void enrolThreeOfficials() {
        api = new CommandApi(http, jdbc);
        campaign = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        imports = "/api/campaigns/" + campaign + "/imports/course-completions";
        assertThat(api.post("/api/campaigns", Bodies.campaign(campaign, START)).status()).isEqualTo(201);
        for (String person : new String[] {"a", "b", "c"}) {
            assertThat(api.post("/api/campaigns/" + campaign + "/participants", "{\"participantId\":\"" + campaign
                    + "-" + person + "\",\"unitCode\":\"00004\",\"role\":\"OFFICIAL\",\"occurredOn\":\"2025-07-26\"}")
                    .status()).isEqualTo(201);
        }
    }

    private Answer upload(String csv, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return api.exchange(imports, new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers));
    }

    private String person(String name) {
        return campaign + "-" + name;
    }

    @Test
    void appliesValidRowsReportsEachBadRowAndAddsNothingOnReimport() {
        String csv = "\uFEFFparticipant_id;course_code;completion_date;score\n"
                + person("a") + ";ONETOUCH_DIGITAL_SKILLS;2025-08-02;9\n"
                + person("a") + ";POPULAR_DIGITAL_EDUCATION;05/08/2025;8\n"
                + person("b") + ";ONETOUCH_DIGITAL_SKILLS;2025-08-03;7\n"
                + person("b") + ";ONETOUCH_DIGITAL_SKILLS;2025-08-03;7\n"
                + "nobody;ONETOUCH_DIGITAL_SKILLS;2025-08-03;7\n"
                + person("c") + ";BASKET_WEAVING;2025-08-03;7\n"
                + person("c") + ";ONETOUCH_DIGITAL_SKILLS;3rd of August;7\n"
                + person("c") + ";ONETOUCH_DIGITAL_SKILLS;2025-07-01;7\n"
                + ";;;\n";
        long before = api.eventCount();

        Answer first = upload(csv, MediaType.parseMediaType("text/csv"));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("rows").asLong()).isEqualTo(9);
        assertThat(first.body().path("applied").asLong()).isEqualTo(3);
        assertThat(first.body().path("alreadyRecorded").asLong()).isEqualTo(1);
        assertThat(first.body().path("rejected").asLong()).isEqualTo(5);
        assertThat(first.body().path("errors").findValuesAsText("line"))
                .containsExactly("6", "7", "8", "9", "10");
        assertThat(first.body().path("errors").findValuesAsText("rule")).containsExactly(
                "participant-not-enrolled", "course-not-in-campaign", "invalid-row", "date-before-campaign-start",
                "invalid-row");
        assertThat(api.eventCount() - before).isEqualTo(3);
        assertThat(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, person("a")))
                .contains("\"principal\":\"department\"", "\"role\":\"DEPARTMENT\"", "\"correlationId\"");

        Answer again = upload(csv, MediaType.parseMediaType("text/csv"));
        assertThat(again.body().path("applied").asLong()).isZero();
        assertThat(again.body().path("alreadyRecorded").asLong()).isEqualTo(4);
        assertThat(api.eventCount() - before).isEqualTo(3);
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumnsAndWritesNothing() {
        long before = api.eventCount();
        Answer answer = upload("who,what\n" + person("a") + ",ONETOUCH_DIGITAL_SKILLS\n",
                MediaType.parseMediaType("text/csv"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("header");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void rejectsAnUploadThatIsNotCsv() {
        long before = api.eventCount();
        assertThat(upload("{}", MediaType.APPLICATION_JSON).status()).isEqualTo(415);
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void reportsALineInAnotherEncodingAndAppliesTheRest() {
        long before = api.eventCount();
        byte[] good = ("participantId,course,completedOn\n" + person("a") + ",ONETOUCH_DIGITAL_SKILLS,2025-08-02\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = (person("b") + ",ONETOUCH_DIGITAL_SKILLS,2025-08-02,Hà Nội\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] more = (person("c") + ",ONETOUCH_DIGITAL_SKILLS,2025-08-04\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + latin1.length + more.length];
        System.arraycopy(good, 0, body, 0, good.length);
        System.arraycopy(latin1, 0, body, good.length, latin1.length);
        System.arraycopy(more, 0, body, good.length + latin1.length, more.length);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        Answer answer = api.exchange(imports, new HttpEntity<>(body, headers));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("applied").asLong()).isEqualTo(2);
        assertThat(answer.body().path("errors").findValuesAsText("line")).containsExactly("3");
        assertThat(answer.body().path("errors").findValuesAsText("reason").get(0)).contains("not valid UTF-8");
        assertThat(api.eventCount() - before).isEqualTo(2);
    }
}
