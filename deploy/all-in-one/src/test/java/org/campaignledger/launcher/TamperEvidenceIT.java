package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * An auditor's path, end to end: facts posted over HTTP, the campaign closed (and so sealed), the log verified
 * over HTTP and on the command line; then the owner changes a metadata field and deletes an event in SQL, and
 * both ways of verifying name the broken link and fail.
 */
class TamperEvidenceIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);

    private final String campaign = "seal-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void verifiesAnIntactLogAndNamesTheFirstBrokenLinkAfterTampering() {
        try (FreshLedger ledger = FreshLedger.start("tamper")) {
            RestClient http = RestClient.builder().baseUrl(ledger.baseUrl())
                    .defaultHeaders(headers -> headers.setBasicAuth("department", "department")).build();
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            recordAndClose(http);

            JsonNode intact = await().atMost(Duration.ofSeconds(30)).until(() -> verify(http),
                    verified -> verified.path("seals").asInt() >= 1);
            assertThat(intact.path("intact").asBoolean()).isTrue();
            assertThat(intact.path("events").asLong()).isEqualTo(count(jdbc, "SELECT count(*) FROM domain_event_entry"));
            assertThat(intact.path("root").asText()).matches("[0-9a-f]{64}");
            assertThat(verifyOnTheCommandLine(ledger)).startsWith("0:").contains("\"intact\" : true");

            String unit = campaign + "/00004";
            asOwner(ledger, "UPDATE domain_event_entry SET meta_data = convert_to(jsonb_set(convert_from(meta_data,"
                    + " 'UTF8')::jsonb, '{principal}', '\"someone-else\"')::text, 'UTF8')"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 0", unit);
            JsonNode changed = verify(http);
            assertThat(changed.path("intact").asBoolean()).isFalse();
            assertThat(changed.path("brokenLink").path("aggregateIdentifier").asText()).isEqualTo(unit);
            assertThat(changed.path("brokenLink").path("sequenceNumber").asLong()).isZero();
            assertThat(changed.path("brokenLink").path("differs").asText()).isEqualTo("META_DATA");
            assertThat(verifyOnTheCommandLine(ledger)).startsWith("1:").contains(unit, "META_DATA");

            String participant = campaign + "-a1";
            asOwner(ledger, "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                    participant);
            JsonNode deleted = verify(http);
            // aggregates are checked in byte order: the participant's chain comes before the unit's
            assertThat(deleted.path("brokenLink").path("aggregateIdentifier").asText()).isEqualTo(participant);
            assertThat(deleted.path("brokenLink").path("sequenceNumber").asLong()).isEqualTo(2);
            assertThat(deleted.path("brokenLink").path("differs").asText()).isEqualTo("MISSING_PREDECESSOR");
            assertThat(verifyOnTheCommandLine(ledger)).startsWith("1:").contains(participant, "MISSING_PREDECESSOR");
        }
    }

    private void recordAndClose(RestClient http) {
        post(http, "/api/campaigns", """
                {"campaignId":"%s","name":"Chiến dịch niêm phong","directive":"Chỉ thị 11/CT-UBND","startDate":"%s",
                 "durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                 "targets":[{"metric":"OFFICIALS_TRAINED","goal":100}],
                 "courses":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION"],
                 "requiredCourses":{"OFFICIAL":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION"]},
                 "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD"}]}""".formatted(campaign, START));
        String base = "/api/campaigns/" + campaign;
        post(http, base + "/units/00004/it-officers", "{\"officerId\":\"o1\",\"employment\":\"STAFF\","
                + "\"occurredOn\":\"" + START.plusDays(1) + "\"}");
        post(http, base + "/participants", "{\"participantId\":\"" + campaign + "-a1\",\"unitCode\":\"00004\","
                + "\"role\":\"OFFICIAL\",\"occurredOn\":\"" + START.plusDays(1) + "\"}");
        for (String course : new String[] {"ONETOUCH_DIGITAL_SKILLS", "POPULAR_DIGITAL_EDUCATION"}) {
            post(http, base + "/participants/" + campaign + "-a1/course-completions", "{\"course\":\"" + course
                    + "\",\"occurredOn\":\"" + START.plusDays(5) + "\"}");
        }
        post(http, base + "/close", "{\"occurredOn\":\"" + START.plusDays(44) + "\"}");
    }

    private static void post(RestClient http, String path, String body) {
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static JsonNode verify(RestClient http) {
        return http.get().uri("/api/audit/verify").retrieve().body(JsonNode.class);
    }

    /** The launcher's {@code --verify} on the same database and schema: "exit code: output". */
    private static String verifyOnTheCommandLine(FreshLedger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new String[] {"--verify", "--campaign-ledger.database.schema=" + ledger.schema},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return exit + ": " + out.toString(StandardCharsets.UTF_8);
    }

    private static void asOwner(FreshLedger ledger, String sql, Object... args) {
        JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
        new TransactionTemplate(ledger.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL campaign_ledger.rewrite_history = 'on'");
            assertThat(jdbc.update(sql, args)).isEqualTo(1);
        });
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
