package org.campaignledger.api.support;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.UnitCode;

/** A mobile support point closed. */
@Revision("1")
public record SupportPointClosedEvent(
        SupportPointId pointId, CampaignId campaignId, UnitCode unitCode, LocalDate occurredOn)
        implements CampaignFact {
}
