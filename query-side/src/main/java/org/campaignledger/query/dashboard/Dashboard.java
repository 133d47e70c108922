package org.campaignledger.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.FindAuditEventsQuery;
import org.campaignledger.api.query.FindCampaignsQuery;
import org.campaignledger.api.query.FindComparisonQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.FindTimelineQuery;
import org.campaignledger.api.query.FindUnitDetailQuery;
import org.campaignledger.api.query.FindUnitRankingQuery;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitDetailView;
import org.campaignledger.api.query.UnitRankingView;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the pages read, asked over Axon's query bus with the read side's own query messages: the
 * dashboard depends on the views in shared-api, never on how a projection stores them. A problem a
 * handler reports (unknown campaign, date outside it) reaches the page as that problem.
 */
@Component
class Dashboard {

    private final QueryGateway queries;

    Dashboard(QueryGateway queries) {
        this.queries = queries;
    }

    List<CampaignView> campaigns() {
        return ask(new FindCampaignsQuery(), ResponseTypes.multipleInstancesOf(CampaignView.class));
    }

    Optional<CampaignView> findCampaign(String id) {
        return campaigns().stream().filter(c -> c.campaignId().value().equals(id)).findFirst();
    }

    CampaignView campaign(String id) {
        return findCampaign(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "campaign-not-found",
                "Unknown campaign", "No campaign " + id + " was launched."));
    }

    TimelineView timeline(String campaign, String unit) {
        return ask(new FindTimelineQuery(new CampaignId(campaign), unit == null ? null : new UnitCode(unit), null),
                ResponseTypes.instanceOf(TimelineView.class));
    }

    SummaryView closingSummary(String campaign) {
        return ask(new FindSummaryQuery(new CampaignId(campaign), null, null, true),
                ResponseTypes.instanceOf(SummaryView.class));
    }

    UnitRankingView ranking(String campaign, LocalDate asOf) {
        return ask(new FindUnitRankingQuery(new CampaignId(campaign), asOf, null),
                ResponseTypes.instanceOf(UnitRankingView.class));
    }

    UnitDetailView unit(String campaign, String unit) {
        return ask(new FindUnitDetailQuery(new CampaignId(campaign), new UnitCode(unit)),
                ResponseTypes.instanceOf(UnitDetailView.class));
    }

    ComparisonView compare(String campaign, LocalDate from, LocalDate to, Instant asKnownAt, String sort) {
        return ask(new FindComparisonQuery(new CampaignId(campaign), from, to, asKnownAt, sort),
                ResponseTypes.instanceOf(ComparisonView.class));
    }

    AuditEventView.Page events(FindAuditEventsQuery query) {
        return ask(query, ResponseTypes.instanceOf(AuditEventView.Page.class));
    }

    private <Q, R> R ask(Q query, ResponseType<R> type) {
        CompletableFuture<R> answer = queries.query(query, type);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + query, e);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The query bus wraps a handler's exception; the page wants the problem it reported. */
    private static RuntimeException unwrap(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return thrown.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
    }
}
