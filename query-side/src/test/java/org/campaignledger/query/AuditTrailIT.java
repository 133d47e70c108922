package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignledger.api.query.AggregateStateView;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.api.query.FindAuditEventsQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The audit trail is the log itself: every event once, in order, with who recorded it and under which keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT extends QuerySideIT {

    @Autowired
    private ObjectMapper json;

    @Autowired
    private QueryGateway queries;

    private final Facts f = new Facts();
    private EventLog log;
    private Instant beforePointClosed;

    @BeforeAll
    void recordTheCampaign() {
        log = newLog();
        List<List<EventLog.Fact>> transactions = f.sample();
        for (int i = 0; i < transactions.size() - 1; i++) {
            log.append(transactions.get(i));
        }
        beforePointClosed = databaseNow();
        log.append(transactions.get(transactions.size() - 1));
    }

    @Test
    void ndjsonExportHasEveryEventOnceInOrderWithItsMetadata() throws IOException {
        String body = export("application/x-ndjson");

        List<AuditEventView> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            events.add(json.readValue(line, AuditEventView.class));
        }
        List<EventLog.Appended> appended = log.appended();
        assertThat(events).hasSize(appended.size());
        for (int i = 0; i < events.size(); i++) {
            AuditEventView event = events.get(i);
            EventLog.Appended expected = appended.get(i);
            assertThat(event.eventIdentifier()).isEqualTo(expected.eventIdentifier());
            assertThat(event.aggregateIdentifier()).isEqualTo(expected.aggregateId());
            assertThat(event.sequenceNumber()).isEqualTo(expected.sequenceNumber());
            assertThat(event.metaData()).containsEntry("principal", expected.principal())
                    .containsEntry("correlationId", expected.correlationId())
                    .containsEntry("idempotencyKey", expected.idempotencyKey())
                    .containsEntry("role", "UNIT_OFFICER");
            assertThat(event.recordedAt()).isNotNull();
            assertThat(event.campaignId()).isEqualTo(f.id());
            if (i > 0) {
                assertThat(event.globalIndex()).isGreaterThan(events.get(i - 1).globalIndex());
            }
        }
        assertThat(events.get(0).payload()).containsEntry("campaignId", f.id()).containsKey("units");
    }

    @Test
    void csvExportHasEveryEventOnceInOrderWithItsMetadata() throws IOException {
        String body = export("text/csv");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        List<EventLog.Appended> appended = log.appended();
        assertThat(rows).hasSize(appended.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertThat(row.get("event_identifier")).isEqualTo(appended.get(i).eventIdentifier());
            assertThat(row.get("principal")).isEqualTo(appended.get(i).principal());
            assertThat(row.get("correlation_id")).isEqualTo(appended.get(i).correlationId());
            assertThat(row.get("idempotency_key")).isEqualTo(appended.get(i).idempotencyKey());
            assertThat(json.readTree(row.get("payload")).path("campaignId").asText()).isEqualTo(f.id());
            assertThat(row.get("recorded_at")).isNotBlank();
        }
    }

    @Test
    void pagesFollowTheCursorThroughTheWholeLog() {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            AuditEventView.Page page = http.getForObject("/api/audit/events?campaign=" + f.id() + "&limit=4"
                    + (cursor.isEmpty() ? "" : "&after=" + cursor), AuditEventView.Page.class);
            page.events().forEach(event -> ids.add(event.eventIdentifier()));
            cursor = page.nextCursor() == null ? null : page.nextCursor().toString();
            pages++;
        }
        assertThat(ids).containsExactlyElementsOf(log.appended().stream().map(EventLog.Appended::eventIdentifier)
                .toList());
        assertThat(pages).isGreaterThan(3);
    }

    @Test
    void aPageWritesEachStoredPayloadAndMetadataThroughAndTheQueryBusAnswersTheSameEvents() throws IOException {
        Map<String, String> stored = jdbc.query("SELECT event_identifier, payload, meta_data FROM domain_event_entry"
                + " WHERE campaign_id = ?", (rs, n) -> Map.entry(rs.getString(1),
                "{\"payload\":" + new String(rs.getBytes(2), StandardCharsets.UTF_8)
                        + ",\"metaData\":" + new String(rs.getBytes(3), StandardCharsets.UTF_8)
                        + "}"), f.id()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        JsonNode page = json.readTree(http.getForObject("/api/audit/events?campaign=" + f.id() + "&limit=1000",
                String.class));

        assertThat(page.path("events")).hasSize(log.appended().size());
        for (JsonNode event : page.path("events")) {
            JsonNode asStored = json.readTree(stored.get(event.path("eventIdentifier").asText()));
            assertThat(event.path("payload")).isEqualTo(asStored.path("payload"));
            assertThat(event.path("metaData")).isEqualTo(asStored.path("metaData"));
            assertThat(event.path("payload").isObject()).isTrue();
        }
        AuditEventView.Page overHttp = json.treeToValue(page, AuditEventView.Page.class);
        AuditEventView.Page onTheBus = queries.query(new FindAuditEventsQuery(f.id(), null, null, null, null, null,
                null, null, null, 1000), ResponseTypes.instanceOf(AuditEventView.Page.class)).join();
        assertThat(onTheBus).isEqualTo(overHttp);
        assertThat(onTheBus.events()).extracting(AuditEventView::payload).allSatisfy(payload ->
                assertThat(payload).containsEntry("campaignId", f.id()));
    }

    @Test
    void filtersByUnitTypeAndBusinessDate() {
        AuditEventView.Page closed = http.getForObject("/api/audit/events?campaign=" + f.id()
                + "&unit=A&type=SupportPointClosedEvent", AuditEventView.Page.class);
        assertThat(closed.events()).singleElement().satisfies(event -> {
            assertThat(event.aggregateIdentifier()).isEqualTo(f.pointId("pA"));
            assertThat(event.occurredOn()).isEqualTo(Facts.day(8));
        });

        AuditEventView.Page unitB = http.getForObject("/api/audit/events?campaign=" + f.id()
                + "&aggregate=" + f.unitAggregate("B") + "&occurredFrom=2025-08-03&occurredTo=2025-08-06",
                AuditEventView.Page.class);
        // release on day 6, team on day 3, students on day 5; assignment and assessment (day 2) and the
        // nomination (day 9) are outside the range
        assertThat(unitB.events()).extracting(event -> event.payloadType().substring(
                event.payloadType().lastIndexOf('.') + 1)).containsExactly("ITOfficerReleasedEvent",
                "CommunityDigitalTeamFormedEvent", "StudentVolunteersMobilisedEvent");
    }

    @Test
    void aggregateStateIsFoldedFromTheEventsKnownAtTheInstant() {
        AggregateStateView now = http.getForObject("/api/audit/aggregates/" + f.pointId("pA") + "/state",
                AggregateStateView.class);
        AggregateStateView before = http.getForObject("/api/audit/aggregates/" + f.pointId("pA")
                + "/state?asKnownAt=" + beforePointClosed, AggregateStateView.class);

        assertThat(now.version()).isEqualTo(2);
        assertThat(now.lastEventType()).isEqualTo("SupportPointClosedEvent");
        assertThat(now.state()).containsEntry("occurredOn", "2025-08-08").containsEntry("location",
                "Cultural house pA");
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.lastEventType()).isEqualTo("SupportSessionRecordedEvent");
        assertThat(before.state()).containsEntry("occurredOn", "2025-08-03");

        // a unit's aggregate identifier has a slash: campaign/unit
        AggregateStateView unitB = http.getForObject("/api/audit/aggregates/" + f.unitAggregate("B") + "/state",
                AggregateStateView.class);
        assertThat(unitB.eventCount()).isEqualTo(6);
        assertThat(unitB.aggregateType()).isEqualTo("AdministrativeUnit");
    }

    @Test
    void anAggregateUnknownAtTheInstantIsNotFound() {
        ResponseEntity<String> response = http.getForEntity("/api/audit/aggregates/" + f.pointId("pA")
                + "/state?asKnownAt=2020-01-01T00:00:00Z", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String export(String mediaType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, mediaType);
        ResponseEntity<String> response = http.exchange("/api/audit/events?campaign=" + f.id(), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith(mediaType);
        return response.getBody();
    }
}
