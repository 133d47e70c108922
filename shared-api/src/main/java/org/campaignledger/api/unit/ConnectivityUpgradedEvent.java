package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.common.CampaignFact;

/** A public service point got fixed broadband or 5G. */
@Revision("1")
public record ConnectivityUpgradedEvent(CampaignId campaignId, UnitCode unitCode, String servicePoint, ConnectivityTechnology technology, LocalDate occurredOn) implements CampaignFact {
}
