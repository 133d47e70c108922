package org.campaignledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The OpenAPI document describes every command endpoint with its errors. It is written to
 * {@code target/openapi/command-side.json}, where {@code .ci/run} lints it with Redocly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }

    @Test
    void describesEveryCommandEndpointWithProblemResponses() throws Exception {
        String document = http.getForObject("/v3/api-docs", String.class);
        Path out = Path.of("target", "openapi", "command-side.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, document);

        JsonNode api = new ObjectMapper().readTree(document);
        assertThat(api.path("paths").fieldNames()).toIterable().contains(
                "/api/campaigns", "/api/campaigns/{campaignId}/close",
                "/api/campaigns/{campaignId}/units/{unitCode}/it-officers",
                "/api/campaigns/{campaignId}/units/{unitCode}/it-officers/{officerId}/release",
                "/api/campaigns/{campaignId}/units/{unitCode}/community-teams",
                "/api/campaigns/{campaignId}/units/{unitCode}/rescue-teams",
                "/api/campaigns/{campaignId}/units/{unitCode}/connectivity-upgrades",
                "/api/campaigns/{campaignId}/units/{unitCode}/residential-group-assessments",
                "/api/campaigns/{campaignId}/units/{unitCode}/student-volunteers",
                "/api/campaigns/{campaignId}/units/{unitCode}/telecom-engineers",
                "/api/campaigns/{campaignId}/units/{unitCode}/model-practices",
                "/api/campaigns/{campaignId}/participants",
                "/api/campaigns/{campaignId}/participants/{participantId}/course-completions",
                "/api/campaigns/{campaignId}/support-points",
                "/api/campaigns/{campaignId}/support-points/{pointId}/sessions",
                "/api/campaigns/{campaignId}/support-points/{pointId}/close",
                "/api/campaigns/{campaignId}/imports/course-completions");
        JsonNode enrol = api.at("/paths/~1api~1campaigns~1{campaignId}~1participants/post");
        assertThat(enrol.path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("201", "400", "401", "403", "404", "409", "412", "415", "422", "503");
        assertThat(api.at("/components/securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("basicAuth", "bearerAuth");
        assertThat(enrol.at("/responses/409/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
    }
}
