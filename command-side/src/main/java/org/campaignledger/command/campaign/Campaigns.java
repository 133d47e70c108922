package org.campaignledger.command.campaign;

import org.campaignledger.api.campaign.CampaignId;

/** Finds the rules of a launched campaign; every aggregate of a campaign checks its commands against them. */
public interface Campaigns {

    /**
     * @throws org.campaignledger.command.rules.RuleViolation {@code campaign-not-found} if it was never launched
     */
    CampaignRules rulesFor(CampaignId campaignId);
}
