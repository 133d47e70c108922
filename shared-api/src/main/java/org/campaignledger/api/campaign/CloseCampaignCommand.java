package org.campaignledger.api.campaign;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a campaign: facts that happen after {@code occurredOn} are no longer accepted. */
public record CloseCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, LocalDate occurredOn) {
}
