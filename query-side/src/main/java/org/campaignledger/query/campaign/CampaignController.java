package org.campaignledger.query.campaign;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Every campaign: dates, status, day of the campaign today")
    List<CampaignView> campaigns() {
        return campaigns.all();
    }

    @QueryHandler
    List<CampaignView> handle(FindCampaignsQuery query) {
        return campaigns.all();
    }
}
