package org.campaignledger.query.dashboard;

import java.util.List;
import org.campaignledger.api.query.CampaignView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: the default campaign's overview ({@code campaign-ledger.dashboard.campaign}, else the one that
 * started last); {@code /dashboard/campaigns}: every campaign.
 */
@Controller
class HomeController {

    private final Dashboard dashboard;
    private final String preferred;

    HomeController(Dashboard dashboard, @Value("${campaign-ledger.dashboard.campaign:hanoi-2025}") String preferred) {
        this.dashboard = dashboard;
        this.preferred = preferred;
    }

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    String home(Model model) {
        List<CampaignView> campaigns = dashboard.campaigns();
        if (campaigns.isEmpty()) {
            model.addAttribute("campaigns", campaigns);
            return "dashboard/campaigns";
        }
        CampaignView chosen = campaigns.stream().filter(c -> c.campaignId().value().equals(preferred)).findFirst()
                .orElse(campaigns.get(0));
        return "redirect:/dashboard/campaigns/" + chosen.campaignId().value();
    }

    @GetMapping("/dashboard/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", dashboard.campaigns());
        return "dashboard/campaigns";
    }
}
