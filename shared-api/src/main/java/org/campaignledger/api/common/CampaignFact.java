package org.campaignledger.api.common;

import java.time.LocalDate;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/**
 * An event that records a fact of a campaign. The event store keeps these three values in columns
 * of their own, so the audit trail can be filtered by them without reading payloads.
 */
public interface CampaignFact {

    CampaignId campaignId();

    /** The unit the fact belongs to, or {@code null} for campaign-wide facts. */
    UnitCode unitCode();

    /** The business date on which the fact happened, in the campaign's time zone. */
    LocalDate occurredOn();
}
