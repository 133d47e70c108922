package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import org.campaignledger.api.campaign.CampaignId;

/**
 * The summary as of a business date (null: the campaign's last day) as known at an instant (null: now).
 * {@code atClosing} asks for the summary as it stood when the campaign was closed, rebuilt from the log.
 */
public record FindSummaryQuery(CampaignId campaignId, LocalDate asOf, Instant asKnownAt, boolean atClosing) {
}
