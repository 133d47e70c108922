package org.campaignledger.query.dashboard;

import org.campaignledger.api.query.CampaignView;
import org.springframework.ui.Model;

/** What every page of one campaign shows in its header: the campaign, its day, and dates in its time zone. */
final class CampaignPage {

    private CampaignPage() {
    }

    static CampaignView prepare(Dashboard dashboard, String campaignId, Model model, String page) {
        CampaignView campaign = dashboard.campaign(campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignDay", CampaignDay.of(campaign));
        model.addAttribute("base", "/dashboard/campaigns/" + campaign.campaignId().value());
        model.addAttribute("page", page);
        Formats fmt = (Formats) model.getAttribute("fmt");
        model.addAttribute("fmt", fmt.inZone(campaign.timeZone()));
        return campaign;
    }
}
