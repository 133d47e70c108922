package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.api.ledger.LedgerVerificationView;
import org.campaignledger.api.ledger.LedgerVerificationView.Difference;
import org.campaignledger.api.ledger.VerifyLedgerQuery;
import org.campaignledger.platform.chain.LedgerSealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/audit/verify over HTTP: intact on an untouched log, the broken link named after a change in SQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerVerificationIT extends QuerySideIT {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private QueryGateway queries;

    private final Facts f = new Facts();
    private EventLog log;

    @BeforeAll
    void recordTheCampaign() {
        log = newLog();
        f.sample().forEach(log::append);
    }

    @Test
    void anUntouchedLogIsIntactWithEveryEventCounted() {
        ResponseEntity<LedgerVerificationView> answer = verify();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        LedgerVerificationView verified = answer.getBody();
        assertThat(verified.intact()).isTrue();
        assertThat(verified.brokenLink()).isNull();
        assertThat(verified.events()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class));
        assertThat(verified.aggregates()).isEqualTo(jdbc.queryForObject(
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class));
        assertThat(verified.root()).matches("[0-9a-f]{64}");
        assertThat(queries.query(new VerifyLedgerQuery(), LedgerVerificationView.class).join()).isEqualTo(verified);
    }

    @Test
    void aPayloadChangedInSqlIsNamedAndTheLogIsIntactAgainOnceRestored() {
        EventLog.Appended target = log.appended().get(3);
        Map<String, Object> row = jdbc.queryForMap("SELECT global_index, payload FROM domain_event_entry"
                + " WHERE event_identifier = ?", target.eventIdentifier());
        long index = ((Number) row.get("global_index")).longValue();
        byte[] original = (byte[]) row.get("payload");
        try {
            asOwner("UPDATE domain_event_entry SET payload = convert_to(convert_from(payload, 'UTF8') || ' ', 'UTF8')"
                    + " WHERE global_index = ?", index);

            LedgerVerificationView verified = verify().getBody();

            assertThat(verified.intact()).isFalse();
            assertThat(verified.brokenLink().aggregateIdentifier()).isEqualTo(target.aggregateId());
            assertThat(verified.brokenLink().sequenceNumber()).isEqualTo(target.sequenceNumber());
            assertThat(verified.brokenLink().globalIndex()).isEqualTo(index);
            assertThat(verified.brokenLink().differs()).isEqualTo(Difference.PAYLOAD);
        } finally {
            asOwner("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, index);
        }
        assertThat(verify().getBody().intact()).isTrue();
    }

    @Test
    void projectionsPassOverASealUnharmed() {
        awaitProjections();
        List<Map<String, Object>> campaignsBefore = jdbc.queryForList("SELECT * FROM campaign_view ORDER BY 1");

        new LedgerSealer(eventStore, dataSource, transactions, Clock.systemUTC(), ZoneId.of("Asia/Ho_Chi_Minh"))
                .seal(LedgerSealedEvent.Reason.REQUESTED, null);
        awaitProjections();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT * FROM campaign_view ORDER BY 1")).isEqualTo(campaignsBefore);
        LedgerVerificationView verified = verify().getBody();
        assertThat(verified.intact()).isTrue();
        assertThat(verified.seals()).isPositive();
    }

    @Test
    void theOpenApiDocumentDescribesTheVerification() {
        String document = http.withBasicAuth("department", "department").getForObject("/v3/api-docs", String.class);

        assertThat(document).contains("\"/api/audit/verify\"", "LedgerVerificationView", "MISSING_PREDECESSOR");
    }

    private ResponseEntity<LedgerVerificationView> verify() {
        return http.withBasicAuth("department", "department").getForEntity("/api/audit/verify",
                LedgerVerificationView.class);
    }

    /** As the owner who means to rewrite history: the append-only trigger lets only such a session through. */
    private void asOwner(String sql, Object... args) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL campaign_ledger.rewrite_history = 'on'");
            jdbc.update(sql, args);
        });
    }
}
