package org.campaignledger.api.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.UnitCode;

/** A support point held a session; {@code peopleServed} has an entry for every priority group. */
@Revision("1")
public record SupportSessionRecordedEvent(
        SupportPointId pointId,
        CampaignId campaignId,
        UnitCode unitCode,
        Map<PriorityGroup, Integer> peopleServed,
        List<String> services,
        LocalDate occurredOn) implements CampaignFact {

    public int totalServed() {
        return peopleServed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
