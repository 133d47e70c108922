package org.campaignledger.platform.chain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a seal: in one transaction it locks out appends ({@code ledger_seal_lock()}: waits for those in flight,
 * holds new ones back), reads every aggregate's chain head through a cursor, folds them into a Merkle root, and
 * appends a {@link LedgerSealedEvent} to the seals' stream. The lock is what makes "every event up to global
 * index H" exact: no event below H can commit after the seal read the log. Appends wait while it reads (see
 * docs/TAMPER-EVIDENCE.md).
 */
public class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
    private static final int FETCH_SIZE = 5000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    public LedgerSealer(EventStore eventStore, DataSource dataSource, PlatformTransactionManager transactions,
                        Clock clock, ZoneId zone) {
        this.eventStore = eventStore;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = zone;
    }

    /** Seals the log as it is now. */
    public LedgerSealedEvent seal(LedgerSealedEvent.Reason reason, CampaignId campaignId) {
        return transaction.execute(status -> sealLocked(reason, campaignId, false)).orElseThrow();
    }

    /** Seals the log unless nothing was appended since the last seal (several nodes may run the same schedule). */
    public Optional<LedgerSealedEvent> sealIfChanged(LedgerSealedEvent.Reason reason) {
        return transaction.execute(status -> sealLocked(reason, null, true));
    }

    private Optional<LedgerSealedEvent> sealLocked(LedgerSealedEvent.Reason reason, CampaignId campaignId,
                                                   boolean onlyIfChanged) {
        jdbc.queryForObject("SELECT ledger_seal_lock()::text", String.class);
        Long highest = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        List<Map<String, Object>> lastSeal = jdbc.queryForList("SELECT sequence_number, global_index"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                LedgerSealedEvent.STREAM);
        if (onlyIfChanged && !lastSeal.isEmpty() && highest != null
                && highest.equals(((Number) lastSeal.get(0).get("global_index")).longValue())) {
            log.info("Nothing appended since seal {}: no {} seal taken", lastSeal.get(0).get("sequence_number"), reason);
            return Optional.empty();
        }
        long started = System.nanoTime();
        long sequence = lastSeal.isEmpty() ? 0 : ((Number) lastSeal.get(0).get("sequence_number")).longValue() + 1;
        Heads heads = heads();
        LedgerSealedEvent sealed = new LedgerSealedEvent(heads.tree.rootHex(), heads.tree.leaves(), heads.events,
                highest == null ? 0 : highest, LocalDate.now(clock.withZone(zone)), reason, campaignId);
        eventStore.publish(new GenericDomainEventMessage<>(LedgerSealedEvent.STREAM_TYPE, LedgerSealedEvent.STREAM,
                sequence, sealed, MetaData.with(MetadataKeys.PRINCIPAL, "system").and(MetadataKeys.ROLE, "SYSTEM")));
        log.info("Ledger seal {} ({}): {} events in {} aggregates up to global index {}, root {}; appends held for {} ms",
                sequence, reason, sealed.events(), sealed.aggregates(), sealed.highestGlobalIndex(), sealed.root(),
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(sealed);
    }

    private Heads heads() {
        return jdbc.execute((ConnectionCallback<Heads>) connection -> {
            Heads heads = new Heads();
            LedgerVerifier.streamInAggregateOrder(connection);
            try (PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier,"
                    + " sequence_number, chain_hash FROM domain_event_entry ORDER BY aggregate_identifier,"
                    + " sequence_number")) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        heads.next(rs.getString(1), rs.getLong(2), rs.getBytes(3));
                    }
                }
            }
            heads.end();
            return heads;
        });
    }

    /** Folds rows in aggregate order into one leaf per aggregate: its last event. */
    private static final class Heads {
        private final MerkleRoot tree = new MerkleRoot();
        private long events;
        private String aggregate;
        private long sequence;
        private byte[] chainHash;

        void next(String aggregateIdentifier, long sequenceNumber, byte[] hash) {
            if (aggregate != null && !aggregate.equals(aggregateIdentifier)) {
                end();
            }
            aggregate = aggregateIdentifier;
            sequence = sequenceNumber;
            chainHash = hash;
            events++;
        }

        void end() {
            if (aggregate != null) {
                tree.add(ChainHashes.leaf(aggregate, sequence, chainHash));
                aggregate = null;
            }
        }
    }
}
