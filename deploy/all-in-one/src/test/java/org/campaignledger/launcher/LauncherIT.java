package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The README's run command, through the launcher's main class: Hanoi launched, demo recorded, timeline served. */
class LauncherIT {

    @Test
    void launchesHanoiRecordsTheDemoAndServesItsTimeline() {
        try (FreshLedger ledger = FreshLedger.start("launcher", "--demo", "--scale=0.002")) {
            RestClient http = RestClient.builder().baseUrl(ledger.baseUrl()).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();

            JsonNode campaigns = http.get().uri("/api/campaigns").retrieve().body(JsonNode.class);
            assertThat(campaigns.findValuesAsText("campaignId")).contains("hanoi-2025");

            JsonNode timeline = http.get().uri("/api/campaigns/hanoi-2025/timeline").retrieve().body(JsonNode.class);
            assertThat(timeline.path("days")).hasSize(45);
            assertThat(http.get().uri("/api/campaigns/hanoi-2025/units").retrieve().body(JsonNode.class)
                    .findValues("unitCode")).hasSize(126);
        }
    }
}
