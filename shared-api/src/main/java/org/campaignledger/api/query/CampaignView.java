package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import org.campaignledger.api.campaign.CampaignId;

/**
 * A campaign as listed: its dates, the day of the campaign today in its own time zone (below 1 before
 * it starts, above its duration after it ends), and whether it is running or closed.
 */
public record CampaignView(
        CampaignId campaignId,
        String name,
        String directive,
        LocalDate startDate,
        LocalDate endDate,
        int durationDays,
        String timeZone,
        int dayOfCampaignToday,
        Status status,
        LocalDate closedOn,
        Instant closedRecordedAt) {

    public enum Status { RUNNING, CLOSED }
}
