package org.campaignledger.query.dashboard;

import org.campaignledger.platform.security.LedgerUser;
import java.util.Locale;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitDetailView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One unit: its figures and timeline, IT officers, teams, support points and latest events. */
@Controller
class UnitPageController {

    static final int RECENT_EVENTS = 15;

    private final Dashboard dashboard;
    private final RecentEvents recent;
    private final MessageSource messages;

    UnitPageController(Dashboard dashboard, RecentEvents recent, MessageSource messages) {
        this.dashboard = dashboard;
        this.recent = recent;
        this.messages = messages;
    }

    @GetMapping("/dashboard/campaigns/{campaignId}/units/{unitCode}")
    String unit(@PathVariable String campaignId, @PathVariable String unitCode,
                @RequestParam(required = false) String metric, Model model, Locale locale) {
        CampaignView campaign = CampaignPage.prepare(dashboard, campaignId, model, "units");
        UnitDetailView unit = dashboard.unit(campaignId, unitCode);
        if (!LedgerUser.currentReadsPeopleOf(unit.unitCode().value())) {
            unit = unit.withoutPersonalData();
        }
        TimelineView timeline = dashboard.timeline(campaignId, unitCode);
        DashboardMetric chosen = DashboardMetric.byKey(metric, DashboardMetric.STAFF_TRAINED);
        int day = CampaignDay.of(campaign).day();
        model.addAttribute("unit", unit);
        model.addAttribute("metric", chosen);
        model.addAttribute("metrics", DashboardMetric.values());
        model.addAttribute("cards", Cards.of(timeline, day, (Formats) model.getAttribute("fmt")));
        model.addAttribute("chart", ChartData.of(timeline, chosen, messages.getMessage(chosen.label(), null, locale),
                day));
        // the latest events are the audit trail (who recorded what about whom): not for everyone
        model.addAttribute("recent", LedgerUser.currentReadsAuditTrail() ? recent.of(campaignId, unitCode, RECENT_EVENTS)
                : java.util.List.of());
        return "dashboard/unit";
    }
}
