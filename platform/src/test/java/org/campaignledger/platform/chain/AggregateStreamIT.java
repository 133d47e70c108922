package org.campaignledger.platform.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the ledger's event store reads an aggregate's stream (LedgerEventStorageEngine). */
class AggregateStreamIT {

    private static final LocalDate DAY_1 = LocalDate.of(2025, 7, 24);

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
    void readsTheWholeStreamAndNeverAStoredSnapshot() {
        CampaignId campaign = new CampaignId("snapshot-test");
        for (int sequence = 0; sequence < 3; sequence++) {
            ledger.append("Campaign", campaign.value(), sequence,
                    new CampaignClosedEvent(campaign, DAY_1.plusDays(sequence)), Map.of());
        }
        // a snapshot nobody should trust: were it read, the stream would start after sequence 1
        ledger.jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type,"
                + " event_identifier, payload_type, payload) VALUES (?, 1, 'Campaign', 'planted', 'java.lang.String',"
                + " convert_to('\"planted\"', 'UTF8'))", campaign.value());

        List<Long> sequences = ledger.eventStore.readEvents(campaign.value()).asStream()
                .map(DomainEventMessage::getSequenceNumber).toList();

        assertThat(sequences).containsExactly(0L, 1L, 2L);
    }
}
