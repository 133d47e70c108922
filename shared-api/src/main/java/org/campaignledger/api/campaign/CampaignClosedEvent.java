package org.campaignledger.api.campaign;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.unit.UnitCode;

/** The campaign was closed on this business date; the summary as known now is its closing summary. */
@Revision("1")
public record CampaignClosedEvent(CampaignId campaignId, LocalDate occurredOn) implements CampaignFact {

    @Override
    public UnitCode unitCode() {
        return null;
    }
}
