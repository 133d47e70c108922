package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Unknown things are 404, bad or out-of-campaign dates are 400, always as problem+json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestErrorsIT extends QuerySideIT {

    private final Facts f = new Facts();

    @BeforeAll
    void launch() {
        newLog().append(f.launch("A"));
        awaitProjections();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/timeline", "/summary", "/compare?from=1&to=2", "/units", "/units/A",
            "/evaluation?unit=A"})
    void unknownCampaignIsNotFound(String path) {
        assertProblem("/api/campaigns/no-such-campaign" + path, HttpStatus.NOT_FOUND, "campaign-not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/timeline?unit=Z", "/units/Z", "/evaluation?unit=Z"})
    void unknownUnitIsNotFound(String path) {
        assertProblem("/api/campaigns/" + f.id() + path, HttpStatus.NOT_FOUND, "unit-not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/summary?asOf=2025-02-30", "/summary?asOf=yesterday", "/compare?from=1&to=day5",
            "/timeline?asKnownAt=not-an-instant", "/units?asKnownAt=2025-08-01"})
    void unparseableDateIsABadRequest(String path) {
        assertProblem("/api/campaigns/" + f.id() + path, HttpStatus.BAD_REQUEST, "invalid-parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/summary?asOf=2025-07-31", "/summary?asOf=2025-09-15", "/compare?from=0&to=5",
            "/compare?from=1&to=46", "/units?asOf=2026-01-01"})
    void dateOutsideTheCampaignIsABadRequest(String path) {
        assertProblem("/api/campaigns/" + f.id() + path, HttpStatus.BAD_REQUEST, "date-outside-campaign");
    }

    @Test
    void summaryAtClosingOfARunningCampaignIsAConflict() {
        assertProblem("/api/campaigns/" + f.id() + "/summary?at=closing", HttpStatus.CONFLICT, "campaign-not-closed");
    }

    @Test
    void unknownProjectionCannotBeRebuilt() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/admin/projections/nope/rebuild", null,
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("type").asText()).isEqualTo("/problems/projection-not-found");
    }

    @Test
    void compareWithAnUnknownSortMetricIsABadRequest() {
        assertProblem("/api/campaigns/" + f.id() + "/compare?from=1&to=2&sort=happiness", HttpStatus.BAD_REQUEST,
                "invalid-parameter");
    }

    private void assertProblem(String path, HttpStatus status, String slug) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(path)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("type").asText()).as(path).isEqualTo("/problems/" + slug);
        assertThat(response.getBody().path("status").asInt()).as(path).isEqualTo(status.value());
    }
}
