package org.campaignledger.query.dashboard;

import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.TimelineView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The city overview: a card per target figure as of today, and the closing summary once closed. */
@Controller
class OverviewController {

    private final Dashboard dashboard;

    OverviewController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard/campaigns/{campaignId}")
    String overview(@PathVariable String campaignId, Model model) {
        CampaignView campaign = CampaignPage.prepare(dashboard, campaignId, model, "overview");
        CampaignDay day = CampaignDay.of(campaign);
        TimelineView timeline = dashboard.timeline(campaignId, null);
        model.addAttribute("asOf", timeline.days().get(day.day() - 1).date());
        model.addAttribute("cards", Cards.of(timeline, day.day(), (Formats) model.getAttribute("fmt")));
        if (campaign.status() == CampaignView.Status.CLOSED) {
            model.addAttribute("closing", dashboard.closingSummary(campaignId));
        }
        return "dashboard/overview";
    }
}
