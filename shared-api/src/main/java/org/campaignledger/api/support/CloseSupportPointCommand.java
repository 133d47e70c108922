package org.campaignledger.api.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;

/** Closes a mobile support point; it holds no sessions after this date. */
public record CloseSupportPointCommand(
        @TargetAggregateIdentifier SupportPointId pointId, CampaignId campaignId, LocalDate occurredOn) {
}
