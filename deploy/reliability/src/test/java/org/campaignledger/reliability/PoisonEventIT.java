package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * An event a projection's handler cannot apply (here: a handler of a test's processing group that throws
 * on a planted officer until it is "fixed") is parked in the group's dead-letter queue in PostgreSQL; the
 * processor goes on with the other sequences, the events after it in the same sequence wait behind it; the
 * admin API lists them with their cause, a retry before the fix leaves them parked, a retry after it
 * applies them in order. The query side's own groups run with a dead-letter queue too.
 */
class PoisonEventIT {

    static final String GROUP = "reliability-poison";

    /** The handler that chokes on officers named {@code poison*} until {@link #fixed} is set. */
    @ProcessingGroup(GROUP)
    static class ChokingProjection {

        final List<String> applied = new CopyOnWriteArrayList<>();
        final AtomicBoolean fixed = new AtomicBoolean();

        @EventHandler
        void on(ITOfficerAssignedEvent event) {
            if (event.officerId().value().startsWith("poison") && !fixed.get()) {
                throw new IllegalStateException("cannot apply officer " + event.officerId().value());
            }
            applied.add(event.officerId().value());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ChokingProjectionConfiguration {

        @Bean
        ChokingProjection chokingProjection() {
            return new ChokingProjection();
        }
    }

    @Test
    void parksAPoisonEventGoesOnWithOtherSequencesAndRetriesItAfterTheFix() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
             RunningLedger ledger = RunningLedger.start(postgres.jdbcUrl(),
                     List.of(ChokingProjectionConfiguration.class),
                     "--axon.eventhandling.processors." + GROUP + ".mode=pooled",
                     "--axon.eventhandling.processors." + GROUP + ".dlq.enabled=true")) {
            ChokingProjection projection = ledger.context.getBean(ChokingProjection.class);
            EventProcessingConfiguration processing = ledger.context.getBean(EventProcessingConfiguration.class);
            for (String group : LedgerChecks.PROJECTIONS) {
                assertThat(processing.deadLetterQueue(group)).as(group + " has a dead-letter queue").isPresent();
            }
            RestClient api = LedgerChecks.api(ledger.baseUrl());
            LaunchCampaignCommand launch = SampleCampaign.launch("poison", 3);
            String campaign = launch.campaignId().value();
            assertThat(SampleCampaign.sender(ledger.baseUrl(), Duration.ofSeconds(30))
                    .send(launch, UUID.randomUUID().toString()).isAccepted()).isTrue();
            String poisoned = launch.units().get(0).code().value();
            String healthy = launch.units().get(1).code().value();

            assign(api, campaign, poisoned, "poison-1", launch);
            assign(api, campaign, poisoned, "after-poison", launch);
            assign(api, campaign, healthy, "healthy-1", launch);

            // the other sequence (another unit's aggregate) goes on; the poisoned one waits, in order
            await("the healthy unit's event applied").atMost(Duration.ofSeconds(60))
                    .until(() -> projection.applied.contains("healthy-1"));
            JsonNode listed = await("two letters parked").atMost(Duration.ofSeconds(30))
                    .until(() -> api.get().uri("/api/admin/dead-letters?processingGroup=" + GROUP).retrieve()
                            .body(JsonNode.class), body -> body.path("deadLetters").size() == 2);
            assertThat(projection.applied).doesNotContain("poison-1", "after-poison");
            JsonNode first = listed.path("deadLetters").get(0);
            assertThat(first.path("processingGroup").asText()).isEqualTo(GROUP);
            assertThat(first.path("aggregateIdentifier").asText()).isEqualTo(campaign + "/" + poisoned);
            assertThat(first.path("payloadType").asText()).endsWith("ITOfficerAssignedEvent");
            assertThat(first.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(first.path("causeMessage").asText()).isEqualTo("cannot apply officer poison-1");
            assertThat(listed.path("deadLetters").get(1).path("sequenceIdentifier").asText())
                    .isEqualTo(first.path("sequenceIdentifier").asText());
            assertThat(listed.path("countsByProcessingGroup").path(GROUP).asLong()).isEqualTo(2);
            for (String group : LedgerChecks.PROJECTIONS) {
                assertThat(listed.path("countsByProcessingGroup").path(group).asLong(-1)).as(group).isZero();
            }
            // the real projections are not held up by another group's poison
            LedgerChecks.awaitCaughtUp(api, Duration.ofSeconds(60));
            JsonNode unit = api.get().uri("/api/campaigns/" + campaign + "/units/" + poisoned).retrieve()
                    .body(JsonNode.class);
            assertThat(unit.toString()).contains("poison-1", "after-poison");

            JsonNode tooEarly = retry(api);
            assertThat(tooEarly.path("sequencesApplied").asInt()).isZero();
            assertThat(tooEarly.path("sequencesFailedAgain").asInt()).isEqualTo(1);
            assertThat(tooEarly.path("lettersLeft").asLong()).isEqualTo(2);

            projection.fixed.set(true);
            JsonNode afterFix = retry(api);
            assertThat(afterFix.path("sequencesApplied").asInt()).isEqualTo(1);
            assertThat(afterFix.path("lettersLeft").asLong()).isZero();
            assertThat(projection.applied).containsExactly("healthy-1", "poison-1", "after-poison");
            assertThat(api.get().uri("/api/admin/dead-letters").retrieve().body(JsonNode.class)
                    .path("deadLetters").size()).isZero();

            // a group without a queue is a 404 problem, not a 500
            String unknownGroup = api.post().uri("/api/admin/dead-letters/no-such-group/retry")
                    .exchange((request, response) -> response.getStatusCode().value() + " "
                            + response.getHeaders().getContentType());
            assertThat(unknownGroup).isEqualTo("404 application/problem+json");
        }
    }

    private static JsonNode retry(RestClient api) {
        return api.post().uri("/api/admin/dead-letters/" + GROUP + "/retry").retrieve().body(JsonNode.class);
    }

    private static void assign(RestClient api, String campaign, String unit, String officer,
                               LaunchCampaignCommand launch) {
        api.post().uri("/api/campaigns/" + campaign + "/units/" + unit + "/it-officers")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"officerId\":\"" + officer + "\",\"employment\":\"STAFF\",\"occurredOn\":\""
                        + launch.startDate().plusDays(1) + "\"}")
                .retrieve().toBodilessEntity();
    }
}
