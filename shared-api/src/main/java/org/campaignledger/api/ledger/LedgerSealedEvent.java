package org.campaignledger.api.ledger;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;

/**
 * A seal: the Merkle root over every aggregate's chain head among the events with a global index up to
 * {@code highestGlobalIndex}. Seals form a stream of their own ({@link #STREAM}), chained like any other, so
 * a seal cannot be dropped or rewritten without breaking the next one.
 *
 * @param root               the Merkle root, lower-case hex of 32 bytes
 * @param aggregates         how many aggregates (leaves) it covers
 * @param events             how many events it covers
 * @param highestGlobalIndex the highest global index covered; every event at or below it was in the log
 * @param day                the date, in the sealing zone, on which the seal was taken
 * @param reason             why it was taken
 * @param campaignId         the campaign whose closing caused it, for {@link Reason#CAMPAIGN_CLOSED}; else null
 */
@Revision("1")
public record LedgerSealedEvent(String root, long aggregates, long events, long highestGlobalIndex, LocalDate day,
                                Reason reason, CampaignId campaignId) {

    /** The aggregate identifier of the seals' stream; its aggregate type is {@link #STREAM_TYPE}. */
    public static final String STREAM = "ledger-seal";
    public static final String STREAM_TYPE = "LedgerSeal";

    public enum Reason { DAILY, CAMPAIGN_CLOSED, REQUESTED }
}
