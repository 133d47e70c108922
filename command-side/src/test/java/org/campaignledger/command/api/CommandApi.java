package org.campaignledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helper: posts JSON to the command API and reads the event table. */
final class CommandApi {

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    CommandApi(TestRestTemplate http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    Answer post(String path, String body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, String body, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(httpHeaders::set);
        return exchange(path, new HttpEntity<>(body, httpHeaders));
    }

    Answer exchange(String path, HttpEntity<?> request) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, request, String.class);
        return new Answer(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()));
    }

    long eventCount() {
        // facts only: a seal (its own stream) may be appended at any moment after a campaign is closed
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier <> 'ledger-seal'",
                Long.class);
    }

    long eventCount(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, HttpHeaders headers, JsonNode body) {

        String problemType() {
            return body.path("type").asText();
        }

        String contentType() {
            return String.valueOf(headers.getContentType());
        }
    }
}
