package org.campaignledger.platform.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.api.ledger.LedgerVerificationView;
import org.campaignledger.api.ledger.LedgerVerificationView.BrokenLink;
import org.campaignledger.api.ledger.LedgerVerificationView.Difference;
import org.campaignledger.platform.serialization.LedgerJson;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole log: every event's digests and chain hash from its stored columns, every link to its
 * predecessor, and every seal's Merkle root from the chain heads it covered. Reads one snapshot (repeatable
 * read), in aggregate order, through a cursor: memory holds one row, and per seal a logarithmic Merkle stack.
 * Stops at the first broken link.
 */
public class LedgerVerifier {

    private static final int FETCH_SIZE = 1000;
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = LedgerJson.eventMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public LedgerVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public LedgerVerificationView verify() {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<LedgerVerificationView>) this::verify));
    }

    private LedgerVerificationView verify(Connection connection) throws SQLException {
        List<Seal> seals = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT global_index, sequence_number, payload"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, LedgerSealedEvent.STREAM);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        seals.add(new Seal(rs.getLong(1), rs.getLong(2),
                                JSON.readValue(rs.getBytes(3), LedgerSealedEvent.class)));
                    } catch (IOException e) {
                        return broken(new Walk(seals), new BrokenLink(LedgerSealedEvent.STREAM, rs.getLong(2),
                                rs.getLong(1), Difference.SEAL, "the seal's payload cannot be read: " + e.getMessage()));
                    }
                }
            }
        }
        Walk walk = new Walk(seals);
        streamInAggregateOrder(connection);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    BrokenLink broken = walk.next(StoredEvent.read(rs));
                    if (broken != null) {
                        return broken(walk, broken);
                    }
                }
            }
        }
        walk.endOfAggregate();
        for (Seal seal : seals) {
            BrokenLink broken = seal.check();
            if (broken != null) {
                return broken(walk, broken);
            }
            walk.sealsChecked++;
        }
        return new LedgerVerificationView(true, walk.events, walk.aggregates, walk.all.rootHex(),
                walk.highestGlobalIndex, seals.size(), null);
    }

    /**
     * Left to itself the planner sorts the whole table (payloads included) before the first row; the unique index
     * on (aggregate_identifier, sequence_number) is already in this order, so reading through it streams.
     */
    static void streamInAggregateOrder(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_sort = off");
        }
    }

    private static LedgerVerificationView broken(Walk walk, BrokenLink link) {
        return new LedgerVerificationView(false, walk.events, walk.aggregates, null, walk.highestGlobalIndex,
                walk.sealsChecked, link);
    }

    /** The state of one pass: the aggregate being read, and each Merkle tree being folded. */
    private static final class Walk {
        private final List<Seal> seals;
        private final MerkleRoot all = new MerkleRoot();
        private StoredEvent last;
        private long events;
        private long aggregates;
        private long highestGlobalIndex;
        private int sealsChecked;

        Walk(List<Seal> seals) {
            this.seals = seals;
        }

        BrokenLink next(StoredEvent event) {
            if (last != null && !last.aggregateIdentifier().equals(event.aggregateIdentifier())) {
                endOfAggregate();
            }
            long expectedSequence = last == null ? 0 : last.sequenceNumber() + 1;
            if (event.sequenceNumber() != expectedSequence) {
                return link(event, Difference.MISSING_PREDECESSOR, expectedSequence == 0
                        ? "the aggregate's first event in the log has sequence " + event.sequenceNumber()
                        : "sequence " + event.sequenceNumber() + " follows " + last.sequenceNumber()
                                + ": the events between them are missing");
            }
            byte[] expectedPrevious = last == null ? ChainHashes.GENESIS : last.chainHash();
            if (!Arrays.equals(expectedPrevious, event.previousHash())) {
                return link(event, Difference.PREVIOUS_HASH, "previous_hash " + hex(event.previousHash())
                        + " is not the chain hash " + hex(expectedPrevious) + " of the event before it");
            }
            byte[] identity = event.recomputedIdentityDigest();
            if (!Arrays.equals(identity, event.identityDigest())) {
                return link(event, Difference.IDENTITY, "event id, aggregate, sequence, payload type or revision,"
                        + " campaign, unit or business date changed since it was recorded");
            }
            byte[] payload = ChainHashes.payloadDigest(event.payload());
            if (!Arrays.equals(payload, event.payloadDigest())) {
                return link(event, Difference.PAYLOAD, "the payload hashes to " + hex(payload) + ", recorded "
                        + hex(event.payloadDigest()));
            }
            byte[] metaData = ChainHashes.metaDataDigest(event.metaData());
            if (!Arrays.equals(metaData, event.metaDataDigest())) {
                return link(event, Difference.META_DATA, "the metadata hashes to " + hex(metaData) + ", recorded "
                        + hex(event.metaDataDigest()));
            }
            byte[] chain = ChainHashes.chainHash(event.previousHash(), event.recordedAtMicros(), identity, payload,
                    metaData);
            if (!Arrays.equals(chain, event.chainHash())) {
                return link(event, Difference.CHAIN_HASH, "the event recomputes to " + hex(chain) + ", recorded "
                        + hex(event.chainHash()) + ": recorded_at or the hash was altered");
            }
            for (Seal seal : seals) {
                seal.see(event);
            }
            last = event;
            events++;
            highestGlobalIndex = Math.max(highestGlobalIndex, event.globalIndex());
            return null;
        }

        void endOfAggregate() {
            if (last == null) {
                return;
            }
            all.add(ChainHashes.leaf(last.aggregateIdentifier(), last.sequenceNumber(), last.chainHash()));
            aggregates++;
            for (Seal seal : seals) {
                seal.endOfAggregate();
            }
            last = null;
        }

        private static BrokenLink link(StoredEvent event, Difference difference, String detail) {
            return new BrokenLink(event.aggregateIdentifier(), event.sequenceNumber(), event.globalIndex(),
                    difference, detail);
        }
    }

    /** A seal and the tree folded from the heads it covers: within an aggregate, events at or below its index. */
    private static final class Seal {
        private final long globalIndex;
        private final long number;
        private final LedgerSealedEvent sealed;
        private final MerkleRoot tree = new MerkleRoot();
        private StoredEvent head;
        private long events;

        Seal(long globalIndex, long number, LedgerSealedEvent sealed) {
            this.globalIndex = globalIndex;
            this.number = number;
            this.sealed = sealed;
        }

        void see(StoredEvent event) {
            if (event.globalIndex() <= sealed.highestGlobalIndex()) {
                head = event;
                events++;
            }
        }

        void endOfAggregate() {
            if (head != null) {
                tree.add(ChainHashes.leaf(head.aggregateIdentifier(), head.sequenceNumber(), head.chainHash()));
                head = null;
            }
        }

        BrokenLink check() {
            String root = tree.rootHex();
            if (!root.equals(sealed.root()) || tree.leaves() != sealed.aggregates() || events != sealed.events()) {
                return new BrokenLink(LedgerSealedEvent.STREAM, number, globalIndex, Difference.SEAL,
                        "seal " + number + " of " + sealed.day() + " covers the events up to global index "
                                + sealed.highestGlobalIndex() + ": it recorded " + sealed.events() + " events in "
                                + sealed.aggregates() + " aggregates, root " + sealed.root() + "; the log now holds "
                                + events + " events in " + tree.leaves() + " aggregates there, root " + root);
            }
            return null;
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HEX.formatHex(bytes);
    }
}
