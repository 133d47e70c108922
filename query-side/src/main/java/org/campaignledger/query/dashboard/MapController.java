package org.campaignledger.query.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Every unit at its coordinates, coloured by progress on the chosen metric; a dot links to its unit. */
@Controller
class MapController {

    private final Dashboard dashboard;

    MapController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard/campaigns/{campaignId}/map")
    String map(@PathVariable String campaignId, @RequestParam(required = false) String metric, Model model) {
        CampaignPage.prepare(dashboard, campaignId, model, "map");
        DashboardMetric chosen = DashboardMetric.byKey(metric, DashboardMetric.STAFF_TRAINED);
        model.addAttribute("metric", chosen);
        model.addAttribute("metrics", DashboardMetric.values());
        model.addAttribute("colours", UnitMap.COLOURS);
        model.addAttribute("drawing", UnitMap.draw(dashboard.ranking(campaignId, null).units(), chosen,
                (Formats) model.getAttribute("fmt")));
        return "dashboard/map";
    }
}
