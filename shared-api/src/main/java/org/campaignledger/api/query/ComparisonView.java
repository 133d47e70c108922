package org.campaignledger.api.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** Two dates side by side, city-wide and per unit. Metric names are the fields of {@link MetricsView}. */
public record ComparisonView(
        CampaignId campaignId,
        LocalDate from,
        int fromDay,
        LocalDate to,
        int toDay,
        Instant asKnownAt,
        String sort,
        List<Delta> cityWide,
        List<UnitDeltas> units) {

    public record Delta(String metric, BigDecimal from, BigDecimal to, BigDecimal delta) {
    }

    public record UnitDeltas(UnitCode unitCode, String name, List<Delta> metrics) {
    }
}
