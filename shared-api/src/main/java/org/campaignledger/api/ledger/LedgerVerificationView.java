package org.campaignledger.api.ledger;

/**
 * What verifying the log found: either intact (every chain recomputes, every seal's root too), or the first
 * broken link, in aggregate order.
 *
 * @param intact             true when nothing differs
 * @param events             events read
 * @param aggregates         aggregates (chains) read
 * @param root               Merkle root over every chain head now (hex), as the next seal would record it
 * @param highestGlobalIndex the highest global index read
 * @param seals              seals checked (all of them when intact)
 * @param brokenLink         the first break found; null when intact
 */
public record LedgerVerificationView(boolean intact, long events, long aggregates, String root,
                                     long highestGlobalIndex, int seals, BrokenLink brokenLink) {

    /**
     * @param aggregateIdentifier the chain that breaks (for a seal: the seals' stream)
     * @param sequenceNumber      the event whose check failed (for a seal: the seal's number)
     * @param globalIndex         its global index
     * @param differs             what differs
     * @param detail              the same for a person, with the expected and found values where they help
     */
    public record BrokenLink(String aggregateIdentifier, long sequenceNumber, long globalIndex, Difference differs,
                             String detail) {
    }

    public enum Difference {
        /** the sequence numbers jump: the event before this one is missing (deleted) */
        MISSING_PREDECESSOR,
        /** previous_hash is not the chain hash of the event before it */
        PREVIOUS_HASH,
        /** event id, aggregate type or id, sequence, payload type or revision, campaign, unit or business date */
        IDENTITY,
        PAYLOAD,
        META_DATA,
        /** the row's content matches its digests, but its chain hash does not: recorded_at or the hash was altered */
        CHAIN_HASH,
        /** a seal's root or counts differ from the log: events it covered were deleted, added or re-chained */
        SEAL
    }
}
