package org.campaignledger.api.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;

/** Opens a mobile support point of a unit, at a named place (e.g. a residential group's house of culture). */
public record OpenSupportPointCommand(
        @TargetAggregateIdentifier SupportPointId pointId,
        CampaignId campaignId,
        UnitCode unitCode,
        String location,
        LocalDate occurredOn) {
}
