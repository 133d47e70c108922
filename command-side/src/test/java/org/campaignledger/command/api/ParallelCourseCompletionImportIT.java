package org.campaignledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
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
import org.springframework.test.context.TestPropertySource;

/**
 * Imports whose rows are applied by several workers at once, each file large enough for every worker to
 * commit several chunks: one participant's rows still count in file order, overlapping imports running
 * together record each completion once, and a chunk that fails to commit on one worker is applied row by
 * row while the other workers go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "campaign-ledger.command.import.workers=3")
class ParallelCourseCompletionImportIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);
    private static final LocalDate ENROLLED = START.plusDays(2);
    private static final LocalDate FIRST = START.plusDays(9);
    private static final LocalDate LATER = START.plusDays(10);
    private static final int PEOPLE = 400;
    private static final String HEADER = "participantId,course,completedOn\n";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway gateway;

    private CommandApi api;
    private String campaign;
    private List<String> people;

    @BeforeEach
    void enrolParticipants() {
        api = new CommandApi(http, jdbc);
        campaign = "pim-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/campaigns", Bodies.campaign(campaign, START)).status()).isEqualTo(201);
        people = new ArrayList<>();
        List<CompletableFuture<Object>> enrolled = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = campaign + "-p" + i;
            people.add(person);
            enrolled.add(gateway.send(new EnrolParticipantCommand(new ParticipantId(person), new CampaignId(campaign),
                    new UnitCode("00004"), ParticipantRole.OFFICIAL, null, ENROLLED)));
        }
        enrolled.forEach(CompletableFuture::join);
    }

    @Test
    void decidesEachParticipantsRowsInFileOrderAcrossChunksAndWorkers() {
        // each person's first completion, then other people's rows (unknown here), then, chunks later, the
        // same course on another day (a conflict), the same completion again, and a second course
        StringBuilder csv = new StringBuilder(HEADER);
        people.forEach(person -> csv.append(row(person, "ONETOUCH_DIGITAL_SKILLS", FIRST)));
        for (int i = 0; i < 1_500; i++) {
            csv.append(row(campaign + "-stranger" + i, "ONETOUCH_DIGITAL_SKILLS", FIRST));
        }
        long conflicts = 2 + PEOPLE + 1_500;
        people.forEach(person -> csv.append(row(person, "ONETOUCH_DIGITAL_SKILLS", LATER))
                .append(row(person, "ONETOUCH_DIGITAL_SKILLS", FIRST))
                .append(row(person, "POPULAR_DIGITAL_EDUCATION", LATER)));
        long before = api.eventCount();

        JsonNode report = upload(csv.toString()).body();

        assertThat(report.path("rows").asLong()).isEqualTo(4L * PEOPLE + 1_500);
        assertThat(report.path("applied").asLong()).isEqualTo(2L * PEOPLE);
        assertThat(report.path("alreadyRecorded").asLong()).isEqualTo(PEOPLE);
        assertThat(report.path("rejected").asLong()).isEqualTo(PEOPLE + 1_500);
        List<Long> conflictLines = new ArrayList<>();
        for (JsonNode error : report.path("errors")) {
            if (error.path("line").asLong() >= conflicts) {
                conflictLines.add(error.path("line").asLong());
                assertThat(error.path("rule").asText()).isEqualTo("course-already-completed");
            } else {
                assertThat(error.path("rule").asText()).isEqualTo("participant-not-enrolled");
            }
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            expected.add(conflicts + 3L * i);
        }
        assertThat(conflictLines).isEqualTo(expected);
        assertThat(report.path("errors").findValuesAsText("line").stream().map(Long::valueOf).toList())
                .as("sorted by line").isSorted();
        assertThat(api.eventCount() - before).isEqualTo(2L * PEOPLE);
        for (String person : people) {
            assertThat(payload(person, 1)).contains("ONETOUCH_DIGITAL_SKILLS", FIRST.toString());
            assertThat(payload(person, 2)).contains("POPULAR_DIGITAL_EDUCATION", LATER.toString());
        }
        assertThat(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 2", String.class, people.get(PEOPLE - 1)))
                .contains("\"principal\":\"department\"", "\"correlationId\"");
    }

    @Test
    void overlappingImportsRunTogetherWithoutDeadlockAndRecordEachCompletionOnce() throws Exception {
        List<String> forwards = new ArrayList<>(people);
        List<String> backwards = new ArrayList<>(people);
        Collections.reverse(backwards);
        String one = file(forwards);
        String other = file(backwards);
        long before = api.eventCount();

        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> first = clients.submit(() -> upload(one));
            Future<Answer> second = clients.submit(() -> upload(other));
            JsonNode a = first.get(2, TimeUnit.MINUTES).body();
            JsonNode b = second.get(2, TimeUnit.MINUTES).body();

            assertThat(a.path("rejected").asLong() + b.path("rejected").asLong()).as(a + " " + b).isZero();
            assertThat(a.path("applied").asLong() + b.path("applied").asLong()).isEqualTo(2L * PEOPLE);
            assertThat(a.path("alreadyRecorded").asLong() + b.path("alreadyRecorded").asLong())
                    .isEqualTo(2L * PEOPLE);
        } finally {
            clients.shutdownNow();
        }
        assertThat(api.eventCount() - before).isEqualTo(2L * PEOPLE);
        assertThat(jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry "
                + "where aggregate_identifier like ? and sequence_number = 2", Long.class, campaign + "-p%"))
                .isEqualTo(PEOPLE);
    }

    @Test
    void aChunkThatCannotCommitOnOneWorkerIsAppliedRowByRowAndReportedWithTheRest() {
        String poisoned = people.get(PEOPLE / 2);
        String csv = file(people);
        long before = api.eventCount();
        // the database refuses this one participant's events, as it would refuse a row it cannot store
        jdbc.execute("create function pim_refuse() returns trigger language plpgsql as $$ begin "
                + "raise exception 'refused for the test'; end $$");
        jdbc.execute("create trigger pim_refuse before insert on domain_event_entry for each row "
                + "when (new.aggregate_identifier = '" + poisoned + "') execute function pim_refuse()");
        JsonNode report;
        try {
            report = upload(csv).body();
        } finally {
            jdbc.execute("drop trigger pim_refuse on domain_event_entry");
            jdbc.execute("drop function pim_refuse()");
        }

        assertThat(report.path("rows").asLong()).isEqualTo(2L * PEOPLE);
        assertThat(report.path("applied").asLong()).isEqualTo(2L * PEOPLE - 2);
        assertThat(report.path("rejected").asLong()).isEqualTo(2);
        assertThat(report.path("errors").findValuesAsText("rule")).containsExactly("not-recorded", "not-recorded");
        long poisonedLine = 2 + 2L * (PEOPLE / 2);
        assertThat(report.path("errors").findValuesAsText("line"))
                .containsExactly(String.valueOf(poisonedLine), String.valueOf(poisonedLine + 1));
        assertThat(api.eventCount() - before).isEqualTo(2L * PEOPLE - 2);
        assertThat(api.eventCount(poisoned)).isEqualTo(1);

        // the refused rows left nothing behind, in the log or in the aggregates kept in memory
        JsonNode again = upload(csv).body();
        assertThat(again.path("applied").asLong()).isEqualTo(2);
        assertThat(again.path("alreadyRecorded").asLong()).isEqualTo(2L * PEOPLE - 2);
        assertThat(again.path("rejected").asLong()).isZero();
        assertThat(api.eventCount(poisoned)).isEqualTo(3);
    }

    private String file(List<String> persons) {
        StringBuilder csv = new StringBuilder(HEADER);
        persons.forEach(person -> csv.append(row(person, "ONETOUCH_DIGITAL_SKILLS", FIRST))
                .append(row(person, "POPULAR_DIGITAL_EDUCATION", LATER)));
        return csv.toString();
    }

    private static String row(String person, String course, LocalDate date) {
        return person + "," + course + "," + date + "\n";
    }

    private String payload(String person, long sequence) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", String.class, person, sequence);
    }

    private Answer upload(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        Answer answer = api.exchange("/api/campaigns/" + campaign + "/imports/course-completions",
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer;
    }
}
