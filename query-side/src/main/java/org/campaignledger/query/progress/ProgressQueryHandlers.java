package org.campaignledger.query.progress;

import org.axonframework.queryhandling.QueryHandler;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.FindComparisonQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.FindTimelineQuery;
import org.campaignledger.api.query.FindUnitRankingQuery;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitRankingView;
import org.springframework.stereotype.Component;

/** The progress questions on Axon's query bus, for services that ask without HTTP. */
@Component
class ProgressQueryHandlers {

    private final ProgressQueries queries;

    ProgressQueryHandlers(ProgressQueries queries) {
        this.queries = queries;
    }

    @QueryHandler
    TimelineView handle(FindTimelineQuery query) {
        return queries.timeline(query);
    }

    @QueryHandler
    SummaryView handle(FindSummaryQuery query) {
        return queries.summary(query);
    }

    @QueryHandler
    ComparisonView handle(FindComparisonQuery query) {
        return queries.compare(query);
    }

    @QueryHandler
    UnitRankingView handle(FindUnitRankingQuery query) {
        return queries.ranking(query);
    }
}
