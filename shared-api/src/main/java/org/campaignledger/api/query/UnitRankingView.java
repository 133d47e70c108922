package org.campaignledger.api.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.unit.UnitCode;

/**
 * Units best first by score (mean percentage of goal of the per-unit targets, each capped at 100). Each
 * unit carries its population and coordinates from the campaign definition (null when not given), so a
 * map of every unit needs this one answer.
 */
public record UnitRankingView(CampaignId campaignId, LocalDate asOf, int asOfDay, List<RankedUnit> units) {

    public record RankedUnit(int rank, UnitCode unitCode, String name, UnitKind kind, BigDecimal score,
                             MetricsView metrics, List<TargetProgressView> targets, Long population,
                             Double longitude, Double latitude) {
    }
}
