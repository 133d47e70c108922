package org.campaignledger.query.progress;

import io.swagger.v3.oas.annotations.Operation;
import static org.campaignledger.query.web.QueryProblems.campaignId;
import static org.campaignledger.query.web.QueryProblems.instant;
import static org.campaignledger.query.web.QueryProblems.unitCode;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.FindComparisonQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.FindTimelineQuery;
import org.campaignledger.api.query.FindUnitRankingQuery;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitRankingView;
import org.campaignledger.query.web.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress over HTTP. Dates are business dates (YYYY-MM-DD) or campaign day numbers; {@code asKnownAt} is
 * an ISO instant and defaults to now.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class ProgressController {

    private final ProgressQueries queries;

    ProgressController(ProgressQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/timeline")
    @Operation(summary = "The campaign day by day: every metric and target, city-wide or for one unit, as known now or at an instant")
    TimelineView timeline(@PathVariable String campaignId, @RequestParam(required = false) String unit,
                          @RequestParam(required = false) String asKnownAt) {
        CampaignId id = campaignId(campaignId);
        return queries.timeline(new FindTimelineQuery(id, unitCode(campaignId, unit), instant("asKnownAt", asKnownAt)));
    }

    @GetMapping("/summary")
    @Operation(summary = "Targets met or not, city-wide and per unit, lagging units, model practices; as it stood at closing with at=closing")
    SummaryView summary(@PathVariable String campaignId, @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String asKnownAt, @RequestParam(required = false) String at) {
        CampaignId id = campaignId(campaignId);
        if (at != null && !at.equals("closing")) {
            throw QueryProblems.invalidParameter("at", at, "'closing'");
        }
        if (at != null && asKnownAt != null) {
            throw QueryProblems.invalidParameter("asKnownAt", asKnownAt, "no asKnownAt together with at=closing");
        }
        return queries.summary(new FindSummaryQuery(id, queries.resolveDate(id, "asOf", asOf),
                instant("asKnownAt", asKnownAt), at != null));
    }

    @GetMapping("/compare")
    @Operation(summary = "Every metric at two dates side by side with deltas, city-wide and per unit")
    ComparisonView compare(@PathVariable String campaignId, @RequestParam String from, @RequestParam String to,
                           @RequestParam(required = false) String asKnownAt,
                           @RequestParam(required = false) String sort) {
        CampaignId id = campaignId(campaignId);
        return queries.compare(new FindComparisonQuery(id, queries.resolveDate(id, "from", from),
                queries.resolveDate(id, "to", to), instant("asKnownAt", asKnownAt), sort));
    }

    @GetMapping("/units")
    @Operation(summary = "Ranking of the units by their progress")
    UnitRankingView units(@PathVariable String campaignId, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String asKnownAt) {
        CampaignId id = campaignId(campaignId);
        return queries.ranking(new FindUnitRankingQuery(id, queries.resolveDate(id, "asOf", asOf),
                instant("asKnownAt", asKnownAt)));
    }
}
