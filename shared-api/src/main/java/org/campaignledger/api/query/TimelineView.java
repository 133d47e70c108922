package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** The campaign day by day: every metric and every target on each day, as known at {@code asKnownAt}. */
public record TimelineView(CampaignId campaignId, UnitCode unitCode, Instant asKnownAt, List<Day> days) {

    public record Day(int day, LocalDate date, MetricsView metrics, List<TargetProgressView> targets) {
    }
}
