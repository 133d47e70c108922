package org.campaignledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import static org.campaignledger.query.web.QueryProblems.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignledger.api.query.AggregateStateView;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.api.query.FindAggregateStateQuery;
import org.campaignledger.api.query.FindAuditEventsQuery;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.campaignledger.platform.web.ProblemException;
import org.campaignledger.query.web.QueryProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail over HTTP. JSON answers a page (cursor {@code after} = a global index); NDJSON and CSV
 * stream every matching event, however many, straight from a database cursor.
 */
@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final List<String> CSV_HEADER = List.of("global_index", "event_identifier", "aggregate_type",
            "aggregate_identifier", "sequence_number", "payload_type", "payload_revision", "recorded_at",
            "campaign_id", "unit_code", "occurred_on", "principal", "role", "idempotency_key", "correlation_id",
            "payload", "meta_data");

    private final AuditLog log;
    private final AggregateStates states;
    private final ObjectMapper json;

    AuditController(AuditLog log, AggregateStates states, ObjectMapper json) {
        this.log = log;
        this.states = states;
        this.json = json;
    }

    @GetMapping(path = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The event log with metadata, filtered, a page at a time (JSON); the full export as NDJSON or CSV")
    StoredEvent.Page events(@RequestParam Map<String, String> params) {
        return log.page(query(params));
    }

    @GetMapping(path = "/api/audit/events", produces = "application/x-ndjson")
    @Operation(summary = "The event log with metadata, filtered, a page at a time (JSON); the full export as NDJSON or CSV")
    ResponseEntity<StreamingResponseBody> ndjson(@RequestParam Map<String, String> params) {
        FindAuditEventsQuery query = query(params);
        return ResponseEntity.ok().contentType(NDJSON).body(out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            log.export(query, event -> write(writer, json(event) + "\n"));
            writer.flush();
        });
    }

    @GetMapping(path = "/api/audit/events", produces = "text/csv")
    @Operation(summary = "The event log with metadata, filtered, a page at a time (JSON); the full export as NDJSON or CSV")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> params) {
        FindAuditEventsQuery query = query(params);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"campaign-ledger-events.csv\"")
                .body(out -> {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    writer.write(String.join(",", CSV_HEADER) + "\r\n");
                    log.export(query, event -> write(writer, csvLine(event)));
                    writer.flush();
                });
    }

    @GetMapping("/api/audit/aggregates/{*path}")
    @Operation(summary = "An aggregate's state rebuilt from its events up to an instant")
    AggregateStateView state(@PathVariable String path, @RequestParam(required = false) String asKnownAt) {
        if (!path.endsWith("/state") || path.length() <= "/state".length() + 1) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "Use /api/audit/aggregates/{aggregateIdentifier}/state.");
        }
        String id = path.substring(1, path.length() - "/state".length());
        return states.find(new FindAggregateStateQuery(id, instant("asKnownAt", asKnownAt)));
    }

    @QueryHandler
    AuditEventView.Page handle(FindAuditEventsQuery query) {
        return log.page(query).view();
    }

    @QueryHandler
    AggregateStateView handle(FindAggregateStateQuery query) {
        return states.find(query);
    }

    private static FindAuditEventsQuery query(Map<String, String> params) {
        return new FindAuditEventsQuery(params.get("campaign"), params.get("unit"), params.get("aggregate"),
                params.get("type"), date(params, "occurredFrom"), date(params, "occurredTo"),
                instant("recordedFrom", params.get("recordedFrom")), instant("recordedTo", params.get("recordedTo")),
                number(params, "after"), number(params, "limit") == null ? 100 : number(params, "limit").intValue());
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw QueryProblems.invalidParameter(name, value, "a date (YYYY-MM-DD)");
        }
    }

    private static Long number(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw QueryProblems.invalidParameter(name, value, "a whole number");
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String csvLine(StoredEvent event) {
        Map<String, Object> meta = event.metaDataMap();
        return List.of(String.valueOf(event.globalIndex()), event.eventIdentifier(), text(event.aggregateType()),
                        event.aggregateIdentifier(), String.valueOf(event.sequenceNumber()), event.payloadType(),
                        text(event.payloadRevision()), event.recordedAt().toString(), text(event.campaignId()),
                        text(event.unitCode()), text(event.occurredOn()), text(meta.get(MetadataKeys.PRINCIPAL)),
                        text(meta.get(MetadataKeys.ROLE)), text(meta.get(MetadataKeys.IDEMPOTENCY_KEY)),
                        text(meta.get(MetadataKeys.CORRELATION_ID)), event.payload(), event.metaData())
                .stream().map(AuditController::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: quote when needed, double the quotes inside. */
    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
