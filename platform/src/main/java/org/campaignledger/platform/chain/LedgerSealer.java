package org.campaignledger.platform.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a seal. Appends are held only for a moment: one transaction takes {@code ledger_seal_lock()} (it waits
 * for appends in flight and holds new ones back) while a second, repeatable-read transaction takes its snapshot;
 * then the lock is released. That snapshot holds every event up to its highest global index H and no event below
 * H can commit later, which is what makes "every event up to H" exact. The heads are then read from the snapshot
 * through a cursor, with appends flowing, folded into a Merkle root, and a {@link LedgerSealedEvent} appended to
 * the seals' stream. Two nodes sealing at once clash on the stream's next sequence number; the one that lost
 * takes a new cut and, for the daily seal, finds nothing new (see docs/TAMPER-EVIDENCE.md).
 */
public class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
    private static final int FETCH_SIZE = 5000;
    private static final int ATTEMPTS = 3;

    private final EventStore eventStore;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final Runnable whileReadingHeads;

    public LedgerSealer(EventStore eventStore, DataSource dataSource, PlatformTransactionManager transactions,
                        Clock clock, ZoneId zone) {
        this(eventStore, dataSource, transactions, clock, zone, () -> { });
    }

    /** {@code whileReadingHeads} runs after the cut, before the heads are read: a test's way in. */
    LedgerSealer(EventStore eventStore, DataSource dataSource, PlatformTransactionManager transactions,
                 Clock clock, ZoneId zone, Runnable whileReadingHeads) {
        this.eventStore = eventStore;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.zone = zone;
        this.whileReadingHeads = whileReadingHeads;
    }

    /** Seals the log as it is now. */
    public LedgerSealedEvent seal(LedgerSealedEvent.Reason reason, CampaignId campaignId) {
        return sealWithRetries(reason, campaignId, false).orElseThrow();
    }

    /** Seals the log unless nothing was appended since the last seal (several nodes may run the same schedule). */
    public Optional<LedgerSealedEvent> sealIfChanged(LedgerSealedEvent.Reason reason) {
        return sealWithRetries(reason, null, true);
    }

    private Optional<LedgerSealedEvent> sealWithRetries(LedgerSealedEvent.Reason reason, CampaignId campaignId,
                                                        boolean onlyIfChanged) {
        for (int attempt = 1; ; attempt++) {
            Cut cut = cut();
            if (onlyIfChanged && cut.nothingSinceLastSeal()) {
                log.info("Nothing appended since seal {}: no {} seal taken", cut.sequence() - 1, reason);
                return Optional.empty();
            }
            LedgerSealedEvent sealed = new LedgerSealedEvent(cut.heads().tree.rootHex(), cut.heads().tree.leaves(),
                    cut.heads().events, cut.highest(), LocalDate.now(clock.withZone(zone)), reason, campaignId);
            try {
                transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                        LedgerSealedEvent.STREAM_TYPE, LedgerSealedEvent.STREAM, cut.sequence(), sealed,
                        MetaData.with(MetadataKeys.PRINCIPAL, "system").and(MetadataKeys.ROLE, "SYSTEM"))));
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && sealsNow() > cut.sequence()) {
                    log.info("Seal {} was taken by another sealer meanwhile; taking a new cut", cut.sequence());
                    continue;
                }
                throw e;
            }
            log.info("Ledger seal {} ({}): {} events in {} aggregates up to global index {}, root {};"
                            + " appends held for {} ms, heads read in {} ms", cut.sequence(), reason, sealed.events(),
                    sealed.aggregates(), sealed.highestGlobalIndex(), sealed.root(), cut.heldMillis(),
                    cut.readMillis());
            return Optional.of(sealed);
        }
    }

    /** What one seal covers: the heads up to {@code highest}, read from a snapshot taken while appends were held. */
    private record Cut(long highest, long sequence, Long lastSealIndex, Heads heads, long heldMillis,
                       long readMillis) {
        boolean nothingSinceLastSeal() {
            return lastSealIndex != null && lastSealIndex == highest;
        }
    }

    private Cut cut() {
        try (Connection snapshot = dataSource.getConnection()) {
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            snapshot.setReadOnly(true);
            try {
                long held = System.nanoTime();
                // the hold: no append in flight while the snapshot's first statement fixes it; released at commit
                long highest = transaction.execute(status -> {
                    jdbc.queryForObject("SELECT ledger_seal_lock()::text", String.class);
                    return highestIndex(snapshot);
                });
                long heldMillis = (System.nanoTime() - held) / 1_000_000;
                whileReadingHeads.run();
                long read = System.nanoTime();
                Long lastSealIndex = null;
                long sequence = 0;
                try (PreparedStatement lastSeal = snapshot.prepareStatement("SELECT sequence_number, global_index"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC"
                        + " LIMIT 1")) {
                    lastSeal.setString(1, LedgerSealedEvent.STREAM);
                    try (ResultSet rs = lastSeal.executeQuery()) {
                        if (rs.next()) {
                            sequence = rs.getLong(1) + 1;
                            lastSealIndex = rs.getLong(2);
                        }
                    }
                }
                Heads heads = heads(snapshot);
                return new Cut(highest, sequence, lastSealIndex, heads, heldMillis,
                        (System.nanoTime() - read) / 1_000_000);
            } finally {
                snapshot.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the log for a seal", e);
        }
    }

    private static long highestIndex(Connection snapshot) {
        try (PreparedStatement statement = snapshot.prepareStatement(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the log's highest index", e);
        }
    }

    /** How many seals the log holds now (outside any snapshot). */
    private long sealsNow() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, LedgerSealedEvent.STREAM);
        return count == null ? 0 : count;
    }

    private static Heads heads(Connection connection) throws SQLException {
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
