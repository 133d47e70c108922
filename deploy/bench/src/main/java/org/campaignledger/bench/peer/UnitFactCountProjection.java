package org.campaignledger.bench.peer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.campaignledger.api.common.CampaignFact;
import org.springframework.stereotype.Component;

/**
 * The peer's projection, written as the reference guide shows one: per event, find the row, change it,
 * {@code save} it. Counts every campaign fact per (campaign, unit, day, kind).
 */
@Component
@ProcessingGroup(UnitFactCountProjection.NAME)
class UnitFactCountProjection {

    static final String NAME = "peer-unit-facts";

    private final UnitFactCounts counts;

    UnitFactCountProjection(UnitFactCounts counts) {
        this.counts = counts;
    }

    @EventHandler
    void on(CampaignFact fact) {
        String unit = fact.unitCode() == null ? "" : fact.unitCode().value();
        String kind = fact.getClass().getSimpleName();
        String id = fact.campaignId().value() + '|' + unit + '|' + fact.occurredOn() + '|' + kind;
        UnitFactCount count = counts.findById(id).orElseGet(() -> new UnitFactCount(id, fact.campaignId().value(),
                unit, String.valueOf(fact.occurredOn()), kind));
        count.count();
        counts.save(count);
    }

    @ResetHandler
    void reset() {
        counts.deleteAllInBatch();
    }
}
