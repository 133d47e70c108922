package org.campaignledger.platform.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.api.ledger.LedgerVerificationView;
import org.campaignledger.api.ledger.LedgerVerificationView.Difference;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.UnitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The chain on the real PostgreSQL: events appended through Axon's event store are chained by the database, the
 * verifier recomputes every link in Java, and each kind of tampering an owner can do in SQL is found and named.
 */
class LedgerChainIT {

    private static final CampaignId HANOI = new CampaignId("hanoi-2025");
    private static final LocalDate DAY_1 = LocalDate.of(2025, 7, 24);
    private static final String BA_DINH = "00001";
    private static final String HOAN_KIEM = "00070";

    private TestLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = TestLedger.migrated();
    }

    @AfterEach
    void dropLedger() {
        ledger.close();
    }

    @Test
    void anUntouchedLogVerifiesWithEveryEventAndAggregateCounted() {
        recordTwoUnits();
        ledger.append("Campaign", HANOI.value(), 0, new CampaignClosedEvent(HANOI, DAY_1.plusDays(44)), Map.of());

        LedgerVerificationView verified = ledger.verifier.verify();

        assertThat(verified.intact()).isTrue();
        assertThat(verified.brokenLink()).isNull();
        assertThat(verified.events()).isEqualTo(6);
        assertThat(verified.aggregates()).isEqualTo(3);
        assertThat(verified.root()).hasSize(64);
        assertThat(verified.highestGlobalIndex()).isEqualTo(ledger.globalIndex(HANOI.value(), 0));
    }

    @Test
    void eachEventLinksToTheChainHashOfTheEventBeforeIt() {
        recordTwoUnits();

        assertThat(ledger.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN domain_event_entry p"
                + " ON p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1"
                + " WHERE e.previous_hash = p.chain_hash", Long.class)).isEqualTo(3);
        assertThat(ledger.jdbc.queryForList("SELECT encode(previous_hash, 'hex') FROM domain_event_entry"
                + " WHERE sequence_number = 0", String.class)).containsOnly("0".repeat(64));
    }

    @Test
    void findsAPayloadChangedInSqlAndNamesTheEvent() {
        recordTwoUnits();
        long index = ledger.globalIndex(unit(BA_DINH), 1);

        ledger.asOwner("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'officer-2', 'officer-9'), 'UTF8') WHERE global_index = ?", index);

        assertBroken(ledger.verifier.verify(), unit(BA_DINH), 1, index, Difference.PAYLOAD);
    }

    @Test
    void findsAMetadataFieldChangedInSql() {
        recordTwoUnits();
        long index = ledger.globalIndex(unit(HOAN_KIEM), 0);

        ledger.asOwner("UPDATE domain_event_entry SET meta_data = convert_to(jsonb_set(convert_from(meta_data,"
                + " 'UTF8')::jsonb, '{principal}', '\"someone-else\"')::text, 'UTF8') WHERE global_index = ?", index);

        assertBroken(ledger.verifier.verify(), unit(HOAN_KIEM), 0, index, Difference.META_DATA);
    }

    @Test
    void findsADeletedEventAtTheEventThatLostItsPredecessor() {
        recordTwoUnits();
        ledger.append(unitType(), unit(BA_DINH), 3, assigned(BA_DINH, "officer-4", 3), Map.of());

        ledger.asOwner("DELETE FROM domain_event_entry WHERE global_index = ?", ledger.globalIndex(unit(BA_DINH), 1));

        LedgerVerificationView verified = ledger.verifier.verify();
        assertBroken(verified, unit(BA_DINH), 2, ledger.globalIndex(unit(BA_DINH), 2),
                Difference.MISSING_PREDECESSOR);
        assertThat(verified.brokenLink().detail()).contains("sequence 2 follows 0");
    }

    @Test
    void findsAChangedBusinessDateAndAChangedRecordingTime() {
        recordTwoUnits();
        long first = ledger.globalIndex(unit(BA_DINH), 0);
        ledger.asOwner("UPDATE domain_event_entry SET occurred_on = occurred_on - 1 WHERE global_index = ?", first);
        assertBroken(ledger.verifier.verify(), unit(BA_DINH), 0, first, Difference.IDENTITY);

        ledger.asOwner("UPDATE domain_event_entry SET occurred_on = occurred_on + 1 WHERE global_index = ?", first);
        assertThat(ledger.verifier.verify().intact()).isTrue();
        ledger.asOwner("UPDATE domain_event_entry SET recorded_at = recorded_at - interval '1 day'"
                + " WHERE global_index = ?", first);
        assertBroken(ledger.verifier.verify(), unit(BA_DINH), 0, first, Difference.CHAIN_HASH);
    }

    @Test
    void findsAnEventRechainedInSqlAtItsSuccessor() {
        recordTwoUnits();
        long index = ledger.globalIndex(unit(BA_DINH), 0);

        // a careful forger recomputes the changed row's own digests and hash, with the database's own functions
        ledger.asOwner("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'STAFF', 'CONTRACTED'), 'UTF8') WHERE global_index = ?", index);
        ledger.asOwner("UPDATE domain_event_entry SET payload_digest = sha256(payload) WHERE global_index = ?", index);
        ledger.asOwner("UPDATE domain_event_entry SET chain_hash = ledger_chain_hash(previous_hash, recorded_at,"
                + " identity_digest, payload_digest, meta_data_digest) WHERE global_index = ?", index);

        assertBroken(ledger.verifier.verify(), unit(BA_DINH), 1, ledger.globalIndex(unit(BA_DINH), 1),
                Difference.PREVIOUS_HASH);
    }

    @Test
    void aSealCoversEveryHeadAndFindsADeletedLastEvent() {
        recordTwoUnits();
        LedgerSealedEvent seal = ledger.sealer.seal(LedgerSealedEvent.Reason.REQUESTED, null);
        assertThat(seal.events()).isEqualTo(5);
        assertThat(seal.aggregates()).isEqualTo(2);
        assertThat(ledger.verifier.verify()).satisfies(verified -> {
            assertThat(verified.intact()).isTrue();
            assertThat(verified.seals()).isEqualTo(1);
        });

        // the last event of a chain leaves no gap behind: only the seal that covered it can tell
        ledger.asOwner("DELETE FROM domain_event_entry WHERE global_index = ?", ledger.globalIndex(unit(BA_DINH), 2));

        LedgerVerificationView verified = ledger.verifier.verify();
        assertThat(verified.intact()).isFalse();
        assertThat(verified.brokenLink().differs()).isEqualTo(Difference.SEAL);
        assertThat(verified.brokenLink().aggregateIdentifier()).isEqualTo(LedgerSealedEvent.STREAM);
        assertThat(verified.brokenLink().sequenceNumber()).isZero();
        assertThat(verified.brokenLink().detail()).contains("recorded 5 events in 2 aggregates",
                "holds 4 events in 2 aggregates");
    }

    @Test
    void aSealsRootChangesWhenAnyHeadChanges() {
        recordTwoUnits();
        String before = ledger.sealer.seal(LedgerSealedEvent.Reason.REQUESTED, null).root();

        ledger.append(unitType(), unit(HOAN_KIEM), 2, assigned(HOAN_KIEM, "officer-6", 5), Map.of());
        String after = ledger.sealer.seal(LedgerSealedEvent.Reason.REQUESTED, null).root();

        assertThat(after).isNotEqualTo(before);
        assertThat(ledger.verifier.verify().seals()).isEqualTo(2);
    }

    @Test
    void appendsGoOnWhileASealReadsTheHeadsAndTheSealCoversExactlyItsCut() {
        recordTwoUnits();
        long lastBeforeTheCut = ledger.globalIndex(unit(HOAN_KIEM), 1);
        // an append while the seal reads: before, the seal held appends until it committed (16 s at Hanoi's
        // scale, commands failing behind it); now it must go through at once
        LedgerSealer sealer = ledger.sealer(() -> {
            var append = java.util.concurrent.CompletableFuture.runAsync(() -> ledger.append(unitType(),
                    unit(HOAN_KIEM), 2, assigned(HOAN_KIEM, "officer-6", 5), Map.of()));
            assertThat(append).succeedsWithin(java.time.Duration.ofSeconds(10));
        });

        LedgerSealedEvent seal = sealer.seal(LedgerSealedEvent.Reason.REQUESTED, null);

        assertThat(seal.highestGlobalIndex()).isEqualTo(lastBeforeTheCut);
        assertThat(seal.events()).isEqualTo(5);
        assertThat(ledger.globalIndex(unit(HOAN_KIEM), 2)).isGreaterThan(seal.highestGlobalIndex());
        assertThat(ledger.verifier.verify()).satisfies(verified -> {
            assertThat(verified.intact()).isTrue();
            assertThat(verified.events()).isEqualTo(7);
            assertThat(verified.seals()).isEqualTo(1);
        });
        // the next seal covers the append; a scheduled one then finds nothing new
        assertThat(ledger.sealer.seal(LedgerSealedEvent.Reason.REQUESTED, null).events()).isEqualTo(7);
        assertThat(ledger.sealer.sealIfChanged(LedgerSealedEvent.Reason.DAILY)).isEmpty();
        assertThat(ledger.verifier.verify().intact()).isTrue();
    }

    @Test
    void twoSealersAtOnceLeaveOneChainOfSeals() {
        recordTwoUnits();
        // the second sealer cuts and appends its seal while the first reads the heads: the first then loses the
        // race for seal 0, takes a new cut and, being a scheduled seal, finds nothing but the other's seal since
        LedgerSealer first = ledger.sealer(new Runnable() {
            boolean once;

            @Override
            public void run() {
                if (!once) {
                    once = true;
                    assertThat(ledger.sealer.sealIfChanged(LedgerSealedEvent.Reason.DAILY)).isPresent();
                }
            }
        });

        assertThat(first.sealIfChanged(LedgerSealedEvent.Reason.DAILY)).isEmpty();

        assertThat(ledger.jdbc.queryForList("SELECT sequence_number FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY 1", Long.class, LedgerSealedEvent.STREAM))
                .containsExactly(0L);
        assertThat(ledger.verifier.verify().intact()).isTrue();
    }

    @Test
    void sealsAreChainedAndAScheduledSealSkipsWhenNothingWasAppended() {
        recordTwoUnits();
        assertThat(ledger.sealer.sealIfChanged(LedgerSealedEvent.Reason.DAILY)).isPresent();
        assertThat(ledger.sealer.sealIfChanged(LedgerSealedEvent.Reason.DAILY)).isEmpty();
        ledger.sealer.seal(LedgerSealedEvent.Reason.CAMPAIGN_CLOSED, HANOI);

        assertThat(ledger.jdbc.queryForList("SELECT sequence_number FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY 1", Long.class, LedgerSealedEvent.STREAM))
                .containsExactly(0L, 1L);
        LedgerVerificationView verified = ledger.verifier.verify();
        assertThat(verified.intact()).isTrue();
        assertThat(verified.seals()).isEqualTo(2);

        ledger.asOwner("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                LedgerSealedEvent.STREAM);
        assertBroken(ledger.verifier.verify(), LedgerSealedEvent.STREAM, 1,
                ledger.globalIndex(LedgerSealedEvent.STREAM, 1), Difference.MISSING_PREDECESSOR);
    }

    @Test
    void theLogRefusesUpdatesDeletesAndTruncationUnlessTheSessionSaysItRewritesHistory() {
        recordTwoUnits();

        assertThatThrownBy(() -> ledger.jdbc.update("UPDATE domain_event_entry SET payload = payload"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> ledger.jdbc.update("DELETE FROM domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> ledger.jdbc.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(ledger.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(5);
    }

    @Test
    void aChainWithAMissingLinkIsNotExtended() {
        recordTwoUnits();
        ledger.asOwner("DELETE FROM domain_event_entry WHERE global_index = ?", ledger.globalIndex(unit(BA_DINH), 2));

        assertThatThrownBy(() -> ledger.append(unitType(), unit(BA_DINH), 3, assigned(BA_DINH, "officer-4", 3),
                Map.of())).hasStackTraceContaining("has no predecessor");
        assertThat(ledger.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, unit(BA_DINH))).isEqualTo(2);
    }

    @Test
    void whateverAWriterPutsInTheChainColumnsTheDatabaseComputesThem() {
        recordTwoUnits();

        ledger.jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
                + " type, payload_type, payload, meta_data, chain_hash, previous_hash) VALUES ('forged', ?, 3, ?, ?,"
                + " convert_to('{}', 'UTF8'), NULL, '\\x00'::bytea, '\\x00'::bytea)", unit(BA_DINH), unitType(),
                ITOfficerAssignedEvent.class.getName());

        assertThat(ledger.verifier.verify().intact()).isTrue();
    }

    @Test
    void eventsRecordedBeforeTheChainAreChainedByTheMigration() {
        ledger.close();
        ledger = TestLedger.beforeTheChain();
        recordTwoUnits();
        ledger.append("Campaign", HANOI.value(), 0, new CampaignClosedEvent(HANOI, DAY_1), Map.of());

        ledger.migrate(null);

        LedgerVerificationView verified = ledger.verifier.verify();
        assertThat(verified.intact()).isTrue();
        assertThat(verified.events()).isEqualTo(6);
        ledger.append(unitType(), unit(BA_DINH), 3, assigned(BA_DINH, "officer-4", 3), Map.of());
        assertThat(ledger.verifier.verify().intact()).isTrue();
    }

    private void recordTwoUnits() {
        Map<String, String> clerk = Map.of("principal", "clerk-ba-dinh", "role", "UNIT_OFFICER",
                "correlationId", "Nguyễn Văn Ánh — phường Ba Đình");
        ledger.append(unitType(), unit(BA_DINH), 0, assigned(BA_DINH, "officer-1", 0), clerk);
        ledger.append(unitType(), unit(BA_DINH), 1, assigned(BA_DINH, "officer-2", 1), clerk);
        ledger.append(unitType(), unit(BA_DINH), 2, assigned(BA_DINH, "officer-3", 2), Map.of());
        ledger.append(unitType(), unit(HOAN_KIEM), 0, assigned(HOAN_KIEM, "officer-5", 0),
                Map.of("principal", "clerk-hoan-kiem"));
        ledger.append(unitType(), unit(HOAN_KIEM), 1, assigned(HOAN_KIEM, "officer-5", 4), Map.of());
    }

    private static ITOfficerAssignedEvent assigned(String unitCode, String officer, int day) {
        return new ITOfficerAssignedEvent(HANOI, new UnitCode(unitCode), new OfficerId(officer), Employment.STAFF,
                DAY_1.plusDays(day));
    }

    private static String unit(String code) {
        return HANOI.value() + "/" + code;
    }

    private static String unitType() {
        return "AdministrativeUnit";
    }

    private static void assertBroken(LedgerVerificationView verified, String aggregate, long sequence, long index,
                                     Difference differs) {
        assertThat(verified.intact()).isFalse();
        assertThat(verified.root()).isNull();
        assertThat(verified.brokenLink()).isNotNull();
        assertThat(verified.brokenLink().aggregateIdentifier()).isEqualTo(aggregate);
        assertThat(verified.brokenLink().sequenceNumber()).isEqualTo(sequence);
        assertThat(verified.brokenLink().globalIndex()).isEqualTo(index);
        assertThat(verified.brokenLink().differs()).isEqualTo(differs);
    }

}
