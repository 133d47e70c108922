package org.campaignledger.command.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Campaign rules read from the campaign's own event stream (two events at most) and cached.
 * A definition never changes, so it is cached for good; whether the campaign is closed is learnt at
 * once from this node's own events, and re-read every {@link #CLOSED_REFRESH} for closings accepted
 * by another node.
 */
@Component
@ProcessingGroup(EventStoreCampaigns.PROCESSING_GROUP)
class EventStoreCampaigns implements Campaigns {

    static final String PROCESSING_GROUP = "campaign-rules";
    static final Duration CLOSED_REFRESH = Duration.ofSeconds(2);

    private final EventStore eventStore;
    private final Clock clock;
    private final Map<CampaignId, Cached> cache = new ConcurrentHashMap<>();

    EventStoreCampaigns(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public CampaignRules rulesFor(CampaignId campaignId) {
        Cached cached = cache.get(campaignId);
        long now = System.nanoTime();
        if (cached != null && (cached.rules.isClosed() || now - cached.loadedAt < CLOSED_REFRESH.toNanos())) {
            return cached.rules;
        }
        CampaignRules rules = load(campaignId);
        cache.put(campaignId, new Cached(rules, now));
        return rules;
    }

    private CampaignRules load(CampaignId campaignId) {
        CampaignLaunchedEvent launched = null;
        LocalDate closedOn = null;
        DomainEventStream events = eventStore.readEvents(campaignId.value());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof CampaignLaunchedEvent launch) {
                launched = launch;
            } else if (event.getPayload() instanceof CampaignClosedEvent closed) {
                closedOn = closed.occurredOn();
            }
        }
        if (launched == null) {
            throw new RuleViolation(Rule.CAMPAIGN_NOT_FOUND, "No campaign " + campaignId + " was launched.");
        }
        return new CampaignRules(launched, closedOn, clock);
    }

    @EventHandler
    void on(CampaignLaunchedEvent event) {
        cache.put(event.campaignId(), new Cached(new CampaignRules(event, null, clock), System.nanoTime()));
    }

    @EventHandler
    void on(CampaignClosedEvent event) {
        cache.computeIfPresent(event.campaignId(),
                (id, cached) -> new Cached(cached.rules.closedOn(event.occurredOn()), System.nanoTime()));
    }

    private record Cached(CampaignRules rules, long loadedAt) {
    }
}
