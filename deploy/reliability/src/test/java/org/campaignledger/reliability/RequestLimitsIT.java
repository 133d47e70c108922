package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The configured limits, at work over HTTP: a body over the size limit is a 413 problem whether its length is
 * declared or not, a refused body is read to its end so its client gets the answer, and a client over its rate
 * gets 429 problems with Retry-After while other clients go on.
 * The limits are set low here (64 KB, 5 requests/s with bursts of 10); the defaults are in platform-defaults.
 * Clients are told apart by their signed-in principal: the demo's users (password = name) stand for three clients.
 */
class RequestLimitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PrivatePostgres postgres;
    private static RunningLedger ledger;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start();
        ledger = RunningLedger.start(postgres.jdbcUrl(), List.of(),
                "--campaign-ledger.web.max-body-size=64KB",
                "--campaign-ledger.web.rate-limit.requests-per-second=5",
                "--campaign-ledger.web.rate-limit.burst=10");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        ledger.close();
        postgres.close();
    }

    @Test
    void refusesABodyOverTheLimitWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        long events = events();
        String big = "{\"campaignId\":\"big\",\"name\":\"" + "x".repeat(100_000) + "\"}";
        HttpResponse<String> declared = HTTP.send(post("size-1").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(declared, 413, "/problems/payload-too-large");

        HttpResponse<String> streamed = HTTP.send(post("size-2").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(streamed, 413, "/problems/payload-too-large");

        HttpResponse<String> small = HTTP.send(post("size-3").POST(HttpRequest.BodyPublishers.ofString(
                "{\"campaignId\":\"small\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(small, 400, "/problems/validation-failed");
        assertThat(events()).isEqualTo(events);
    }

    /**
     * A body refused before it is all read is still read to its end, so a client still sending it gets its whole
     * problem and a clean end of the connection. Tomcat reads at most server.tomcat.max-swallow-size of what is
     * left (2 MB unless set) and then closes: the client's next write fails, and with it the exchange (the JDK's
     * client reports "chunked transfer encoding, state: READING_LENGTH"). Both cases here leave 20 MB unread: a CSV
     * import for a campaign that does not exist (within the import limit), and a JSON body over the limit by its
     * Content-Length.
     */
    @Test
    void aBodyRefusedBeforeItIsReadIsReadToItsEndSoItsClientGetsTheWholeAnswer() throws Exception {
        long events = events();
        String unknownCampaign = refusedWhileSending("/api/campaigns/nowhere/imports/course-completions", "text/csv",
                20_000_000, "participantId;course\n");
        assertThat(unknownCampaign).startsWith("HTTP/1.1 404").contains("application/problem+json");
        String large = refusedWhileSending("/api/campaigns", "application/json", 20_000_000,
                "{\"campaignId\":\"big\"");
        assertThat(large).startsWith("HTTP/1.1 413").contains("\"type\":\"/problems/payload-too-large\"");
        assertThat(events()).isEqualTo(events);
    }

    /** Sends the start of a body, waits for the answer's first line, then sends the rest; the whole answer. */
    private static String refusedWhileSending(String path, String contentType, int declared, String start)
            throws Exception {
        URI base = URI.create(ledger.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: "
                    + contentType + "\r\nAuthorization: " + LedgerChecks.BASIC_DEPARTMENT + "\r\nConnection: close"
                    + "\r\nContent-Length: " + declared + "\r\n\r\n" + start).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (!answer.toString(StandardCharsets.US_ASCII).contains("\r\n")) {
                int b = in.read();
                assertThat(b).as("the answer's first line").isNotNegative();
                answer.write(b);
            }
            byte[] rest = " ".repeat(declared - start.length()).getBytes(StandardCharsets.US_ASCII);
            for (int from = 0; from < rest.length; from += 65_536) {
                out.write(rest, from, Math.min(65_536, rest.length - from));
                out.flush();
            }
            answer.write(in.readAllBytes());
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void answers429WithRetryAfterToAClientOverItsRateWhileOthersGoOn() throws Exception {
        List<Integer> alice = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = HTTP.send(get("officer"), HttpResponse.BodyHandlers.ofString());
            alice.add(response.statusCode());
            if (response.statusCode() == 429 && refused == null) {
                refused = response;
            }
        }
        assertThat(alice.subList(0, 10)).as("the burst").containsOnly(200);
        assertThat(alice).contains(429);
        assertThat(refused).isNotNull();
        assertProblem(refused, 429, "/problems/too-many-requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);

        // other principals have buckets of their own
        assertThat(HTTP.send(get("auditor"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(get("viewer"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertThat(HTTP.send(get("officer"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static HttpRequest get(String principal) {
        return HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/api/campaigns"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (principal + ":" + principal).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static HttpRequest.Builder post(String principal) {
        return HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/api/campaigns"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", LedgerChecks.BASIC_DEPARTMENT);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + type + "\"");
    }

    private static long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
