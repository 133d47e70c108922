package org.campaignledger.api.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/**
 * The campaign's results (R10): targets met city-wide and per unit, units lagging behind (worst first)
 * and the model practices nominated for rewards.
 */
public record SummaryView(
        CampaignId campaignId,
        LocalDate asOf,
        int asOfDay,
        Instant asKnownAt,
        boolean atClosing,
        boolean closed,
        MetricsView cityWide,
        List<TargetProgressView> targets,
        boolean allTargetsMet,
        List<UnitResult> units,
        List<UnitResult> laggingUnits,
        List<ModelPracticeView> modelPractices) {

    /**
     * One unit's results. {@code score} is the mean of its per-unit targets' percentages of goal (each
     * capped at 100); units are lagging when they miss a per-unit target.
     */
    public record UnitResult(UnitCode unitCode, String name, BigDecimal score, boolean allTargetsMet,
                             MetricsView metrics, List<TargetProgressView> targets) {
    }
}
