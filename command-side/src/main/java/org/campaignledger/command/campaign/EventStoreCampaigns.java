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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 * by another node. This node's events reach the cache only once their transaction committed: until then
 * they count for the commands of that transaction alone (a launch and a fact in one group commit), and a
 * failed commit leaves the cache as it was ({@code CampaignRulesIT}).
 */
@Component
@ProcessingGroup(EventStoreCampaigns.PROCESSING_GROUP)
class EventStoreCampaigns implements Campaigns {

    static final String PROCESSING_GROUP = "campaign-rules";
    static final Duration CLOSED_REFRESH = Duration.ofSeconds(2);
    private static final String UNCOMMITTED = EventStoreCampaigns.class.getName() + ".uncommitted";

    private final EventStore eventStore;
    private final Clock clock;
    private final Map<CampaignId, Cached> cache = new ConcurrentHashMap<>();

    EventStoreCampaigns(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public CampaignRules rulesFor(CampaignId campaignId) {
        CampaignRules uncommitted = uncommitted(false).get(campaignId);
        if (uncommitted != null) {
            return uncommitted;
        }
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
        learn(event.campaignId(), new CampaignRules(event, null, clock));
    }

    @EventHandler
    void on(CampaignClosedEvent event) {
        CampaignRules known = uncommitted(false).get(event.campaignId());
        if (known == null && cache.get(event.campaignId()) != null) {
            known = cache.get(event.campaignId()).rules;
        }
        if (known != null) {
            learn(event.campaignId(), known.closedOn(event.occurredOn()));
        }
    }

    /** Rules from an event of this node: for its own transaction now, for everyone once it committed. */
    private void learn(CampaignId campaignId, CampaignRules rules) {
        if (!CurrentUnitOfWork.isStarted()) {
            cache.put(campaignId, new Cached(rules, System.nanoTime()));
            return;
        }
        uncommitted(true).put(campaignId, rules);
    }

    /**
     * The rules learnt in the current transaction (its root unit of work), copied to the cache after it commits;
     * a rollback discards them with the unit of work. Empty outside a unit of work.
     */
    private Map<CampaignId, CampaignRules> uncommitted(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!create) {
            Map<CampaignId, CampaignRules> learnt = root.getResource(UNCOMMITTED);
            return learnt == null ? Map.of() : learnt;
        }
        return root.getOrComputeResource(UNCOMMITTED, key -> {
            Map<CampaignId, CampaignRules> learnt = new ConcurrentHashMap<>();
            root.afterCommit(committed -> learnt.forEach(
                    (campaignId, rules) -> cache.put(campaignId, new Cached(rules, System.nanoTime()))));
            return learnt;
        });
    }

    private record Cached(CampaignRules rules, long loadedAt) {
    }
}
