package org.campaignledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A retry of a recorded fact whose Idempotency-Key cannot be looked up (the pool has no connection for it) is a 503 to
 * retry, not the rejection its command got from the cached aggregate without asking the database: answering that
 * rejection turned an acknowledged fact into a 409 under DatabaseOutageIT and ConcurrentWritersIT. Real HTTP and
 * PostgreSQL; only the key's lookup is made to fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyLookupOutageIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);

    @MockitoSpyBean
    IdempotencyRecords idempotencyRecords;

    @MockitoSpyBean
    CommandGateway gateway;

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void lookUpAgain() {
        reset(idempotencyRecords, gateway);
    }

    @Test
    void aFactThatFoundTheDatabaseUnavailableIsA503WithoutWaitingForItsKeysLookup() {
        String campaign = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/campaigns", launch(campaign), UUID.randomUUID().toString()).getStatusCode().value())
                .isEqualTo(201);
        String teams = "/api/campaigns/" + campaign + "/units/00004/community-teams";
        long events = events(campaign);

        // the command waited for a connection in vain; its key's lookup would wait for one again
        doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))
                .when(gateway).sendAndWait(any(CommandMessage.class), anyLong(), any(TimeUnit.class));
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> duringOutage = post(teams, team(), key);
        assertThat(duringOutage.getStatusCode().value()).as(duringOutage.getBody()).isEqualTo(503);
        assertThat(duringOutage.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        verify(idempotencyRecords, never()).find(any(), any());

        reset(gateway);
        ResponseEntity<String> retried = post(teams, team(), key);
        assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(201);
        assertThat(events(campaign)).isEqualTo(events + 1);
    }

    @Test
    void aRetryWhoseKeyCannotBeLookedUpIsUnavailableNotRejected() {
        String campaign = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> launched = post("/api/campaigns", launch(campaign), UUID.randomUUID().toString());
        assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(201);
        String teams = "/api/campaigns/" + campaign + "/units/00004/community-teams";
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post(teams, team(), key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        long events = events(campaign);

        doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))
                .when(idempotencyRecords).find(any(), any());
        ResponseEntity<String> duringOutage = post(teams, team(), key);
        assertThat(duringOutage.getStatusCode().value()).as(duringOutage.getBody()).isEqualTo(503);
        assertThat(duringOutage.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(duringOutage.getBody()).contains("/problems/service-unavailable");

        reset(idempotencyRecords);
        ResponseEntity<String> afterwards = post(teams, team(), key);
        assertThat(afterwards.getStatusCode().value()).isEqualTo(201);
        assertThat(afterwards.getHeaders().getFirst(FactRecorder.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(afterwards.getBody()).isEqualTo(first.getBody());
        assertThat(events(campaign)).isEqualTo(events);
    }

    @Test
    void aNewFactRejectedWhileItsKeyCannotBeLookedUpIsUnavailableToo() {
        String campaign = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/campaigns", launch(campaign), UUID.randomUUID().toString()).getStatusCode().value())
                .isEqualTo(201);
        String teams = "/api/campaigns/" + campaign + "/units/00004/community-teams";
        assertThat(post(teams, team(), UUID.randomUUID().toString()).getStatusCode().value()).isEqualTo(201);

        // the same team again under a new key: a rejection, but only the key's row could tell it from a retry
        doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))
                .when(idempotencyRecords).find(any(), any());
        String key = UUID.randomUUID().toString();
        assertThat(post(teams, team(), key).getStatusCode().value()).isEqualTo(503);

        reset(idempotencyRecords);
        ResponseEntity<String> retried = post(teams, team(), key);
        assertThat(retried.getStatusCode().value()).isEqualTo(409);
        assertThat(retried.getBody()).contains("/problems/");
    }

    private ResponseEntity<String> post(String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(FactRecorder.IDEMPOTENCY_KEY_HEADER, key);
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        return anonymous.withBasicAuth("department", "department")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private long events(String campaign) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, campaign + "%");
    }

    private static String launch(String campaign) {
        return """
                {"campaignId":"%s","name":"Chiến dịch thử","directive":"Chỉ thị 11/CT-UBND",
                 "startDate":"%s","durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                 "targets":[{"metric":"COMMUNITY_TEAMS_FORMED","goal":10}],
                 "courses":["IHANOI"],"requiredCourses":{"TEAM_MEMBER":["IHANOI"]},
                 "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD","population":65023}]}
                """.formatted(campaign, START);
    }

    private static String team() {
        return "{\"teamId\":\"t-1\",\"residentialGroup\":\"Tổ dân phố 1\",\"memberCount\":12,\"occurredOn\":\""
                + START.plusDays(2) + "\"}";
    }
}
