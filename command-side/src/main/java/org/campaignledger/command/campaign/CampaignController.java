package org.campaignledger.command.campaign;

import jakarta.validation.Valid;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.command.web.Accepted;
import org.campaignledger.command.web.FactRecorder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignController {

    private final FactRecorder recorder;
    private final Campaigns campaigns;

    CampaignController(FactRecorder recorder, Campaigns campaigns) {
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @PostMapping
    ResponseEntity<Accepted> launch(@Valid @RequestBody LaunchCampaignRequest request) {
        return recorder.record(request.toCommand(), request.campaignId().value(), request, HttpStatus.CREATED);
    }

    @PostMapping("/{campaignId}/close")
    ResponseEntity<Accepted> close(@PathVariable CampaignId campaignId, @Valid @RequestBody OccurredOnRequest request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new CloseCampaignCommand(campaignId, request.occurredOn()), campaignId.value(),
                request, HttpStatus.OK);
    }
}
