package org.campaignledger.command.campaign;

import jakarta.validation.Valid;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.command.web.Accepted;
import org.campaignledger.command.web.FactRecorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(summary = "Launch a campaign with its whole definition")
    @ApiResponse(responseCode = "201", description = "Launched: the campaign aggregate at version 0")
    ResponseEntity<Accepted> launch(@Valid @RequestBody LaunchCampaignRequest request) {
        return recorder.record(request.toCommand(), request.campaignId().value(), request, HttpStatus.CREATED);
    }

    @PostMapping("/{campaignId}/close")
    @Operation(summary = "Close a campaign; facts after this date are refused")
    @ApiResponse(responseCode = "200", description = "Closed: the campaign and its new version")
    ResponseEntity<Accepted> close(@PathVariable CampaignId campaignId, @Valid @RequestBody OccurredOnRequest request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new CloseCampaignCommand(campaignId, request.occurredOn()), campaignId.value(),
                request, HttpStatus.OK);
    }
}
