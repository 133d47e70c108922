package org.campaignledger.query.campaign;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.FindCampaignsQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/campaigns}, and the same list on the query bus. */
@RestController
class CampaignController {

    private final CampaignList campaigns;

    CampaignController(CampaignList campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns")
    List<CampaignView> campaigns() {
        return campaigns.all();
    }

    @QueryHandler
    List<CampaignView> handle(FindCampaignsQuery query) {
        return campaigns.all();
    }
}
