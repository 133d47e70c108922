package org.campaignledger.query.dashboard;

import java.util.Locale;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.TimelineView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The 45-day timeline of one metric, city-wide or for one unit, with its goal line. */
@Controller
class TimelineController {

    private final Dashboard dashboard;
    private final MessageSource messages;

    TimelineController(Dashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/dashboard/campaigns/{campaignId}/timeline")
    String timeline(@PathVariable String campaignId, @RequestParam(required = false) String metric,
                    @RequestParam(required = false) String unit, Model model, Locale locale) {
        CampaignView campaign = CampaignPage.prepare(dashboard, campaignId, model, "timeline");
        DashboardMetric chosen = DashboardMetric.byKey(metric, DashboardMetric.STAFF_TRAINED);
        String unitCode = unit == null || unit.isBlank() ? null : unit;
        TimelineView timeline = dashboard.timeline(campaignId, unitCode);
        model.addAttribute("metric", chosen);
        model.addAttribute("metrics", DashboardMetric.values());
        model.addAttribute("unit", unitCode);
        model.addAttribute("units", dashboard.ranking(campaignId, null).units().stream()
                .sorted(java.util.Comparator.comparing(u -> u.name())).toList());
        model.addAttribute("chart", ChartData.of(timeline, chosen, messages.getMessage(chosen.label(), null, locale),
                CampaignDay.of(campaign).day()));
        return "dashboard/timeline";
    }
}
