package org.campaignledger.command.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.api.ledger.LedgerVerificationView;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.platform.chain.LedgerVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The chain through the real command side: groups of commands for many aggregates share one transaction and
 * one JDBC batch, each event still links to its own predecessor; closing a campaign seals the log after the
 * closing committed.
 */
@SpringBootTest
@TestPropertySource(properties = {"campaign-ledger.command.group-commit.lanes=2",
        "campaign-ledger.command.group-commit.linger=20ms"})
class LedgerSealingIT {

    private static final LocalDate DAY_3 = TestCampaigns.START.plusDays(2);
    private static final UnitCode BA_DINH = new UnitCode("00004");

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerVerifier verifier;

    private CampaignId campaign;

    @BeforeEach
    void launchCampaign() {
        campaign = new CampaignId("seal-" + UUID.randomUUID().toString().substring(0, 8));
        gateway.sendAndWait(TestCampaigns.launch(campaign));
    }

    @Test
    void concurrentCommandsOnManyAggregatesSharingCommitsLeaveEveryChainIntact() throws Exception {
        List<SupportPointId> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            points.add(new SupportPointId(campaign + "-sp" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (SupportPointId point : points) {
                done.add(threads.submit(() -> {
                    gateway.sendAndWait(new OpenSupportPointCommand(point, campaign, BA_DINH, "Điểm " + point, DAY_3));
                    for (int session = 1; session <= 15; session++) {
                        gateway.sendAndWait(new RecordSupportSessionCommand(point, campaign,
                                Map.of(PriorityGroup.ELDERLY, session), List.of("VNeID"), DAY_3));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        // the path under test was taken: several aggregates' events appended in one transaction
        assertThat(jdbc.queryForObject("SELECT max(aggregates) FROM (SELECT count(DISTINCT aggregate_identifier)"
                + " AS aggregates FROM domain_event_entry WHERE campaign_id = ? GROUP BY xmin::text) per_transaction",
                Long.class, campaign.value())).isGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN domain_event_entry p"
                + " ON p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1"
                + " WHERE e.campaign_id = ? AND e.previous_hash = p.chain_hash", Long.class, campaign.value()))
                .isEqualTo(12 * 15);
        LedgerVerificationView verified = verifier.verify();
        assertThat(verified.brokenLink()).isNull();
        assertThat(verified.intact()).isTrue();
        assertThat(verified.events()).isGreaterThanOrEqualTo(12 * 16 + 1);
    }

    @Test
    void closingACampaignSealsTheLogAfterTheClosingCommitted() {
        gateway.sendAndWait(new CloseCampaignCommand(campaign, DAY_3));
        long closing = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1", Long.class, campaign.value());

        Map<String, Object> seal = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'highestGlobalIndex' AS covered,"
                        + " convert_from(payload, 'UTF8')::jsonb ->> 'reason' AS reason, payload_type"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'campaignId' = ?",
                LedgerSealedEvent.STREAM, campaign.value()), rows -> rows.size() == 1).get(0);

        assertThat(seal.get("reason")).isEqualTo("CAMPAIGN_CLOSED");
        assertThat(seal.get("payload_type")).isEqualTo(LedgerSealedEvent.class.getName());
        assertThat(Long.parseLong((String) seal.get("covered"))).isGreaterThanOrEqualTo(closing);
        LedgerVerificationView verified = verifier.verify();
        assertThat(verified.brokenLink()).isNull();
        assertThat(verified.seals()).isPositive();
    }
}
