package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import org.campaignledger.api.campaign.CampaignId;

/**
 * Every metric at two business dates with the delta, as known at an instant (null: now). Units are
 * sorted by {@code sort}'s delta, largest first (null: by unit code).
 */
public record FindComparisonQuery(CampaignId campaignId, LocalDate from, LocalDate to, Instant asKnownAt,
                                  String sort) {
}
