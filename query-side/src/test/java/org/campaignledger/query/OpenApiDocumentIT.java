package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The query side's OpenAPI document names every read endpoint with its problems. It is written to
 * {@code target/openapi/query-side.json}, where the build lints it with Redocly in CI.
 */
class OpenApiDocumentIT extends QuerySideIT {

    @Test
    void describesEveryReadEndpointWithProblemResponses() throws Exception {
        String document = http.getForObject("/v3/api-docs", String.class);
        Path out = Path.of("target", "openapi", "query-side.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, document);

        JsonNode api = new ObjectMapper().readTree(document);
        assertThat(api.path("paths").fieldNames()).toIterable().contains(
                "/api/campaigns", "/api/campaigns/{campaignId}/timeline", "/api/campaigns/{campaignId}/summary",
                "/api/campaigns/{campaignId}/compare", "/api/campaigns/{campaignId}/units",
                "/api/campaigns/{campaignId}/units/{unitCode}", "/api/campaigns/{campaignId}/evaluation",
                "/api/audit/events", "/api/admin/projections", "/api/admin/projections/{name}/rebuild");
        JsonNode timeline = api.at("/paths/~1api~1campaigns~1{campaignId}~1timeline/get/responses");
        assertThat(timeline.fieldNames()).toIterable().contains("200", "400", "404");
        assertThat(timeline.at("/404/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        // the audit page writes the stored JSON through as text; the document still says it is an object
        JsonNode auditEvent = api.at("/components/schemas/AuditEventView/properties");
        assertThat(auditEvent.at("/payload/type").asText()).isEqualTo("object");
        assertThat(auditEvent.at("/metaData/type").asText()).isEqualTo("object");
    }
}
