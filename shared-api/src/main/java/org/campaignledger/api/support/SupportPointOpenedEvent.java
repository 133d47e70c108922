package org.campaignledger.api.support;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.UnitCode;

/** A mobile support point opened. */
@Revision("1")
public record SupportPointOpenedEvent(
        SupportPointId pointId, CampaignId campaignId, UnitCode unitCode, String location, LocalDate occurredOn)
        implements CampaignFact {
}
