package org.campaignledger.api.query;

/** Every campaign, newest first. Answered with a list of {@link CampaignView}. */
public record FindCampaignsQuery() {
}
