package org.campaignledger.api.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;

/**
 * Records a session held at a support point: how many people of each priority group were helped,
 * and with which services. Counts only; never who was helped.
 */
public record RecordSupportSessionCommand(
        @TargetAggregateIdentifier SupportPointId pointId,
        CampaignId campaignId,
        Map<PriorityGroup, Integer> peopleServed,
        List<String> services,
        LocalDate occurredOn) {
}
