package org.campaignledger.command.support;

import jakarta.validation.Valid;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.campaign.OccurredOnRequest;
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
@RequestMapping(path = "/api/campaigns/{campaignId}/support-points", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class SupportPointController {

    private final FactRecorder recorder;
    private final Campaigns campaigns;

    SupportPointController(FactRecorder recorder, Campaigns campaigns) {
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(summary = "Open a mobile support point (R5)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> open(@PathVariable CampaignId campaignId,
                                  @Valid @RequestBody SupportPointRequests.Open request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new OpenSupportPointCommand(request.pointId(), campaignId, request.unitCode(),
                request.location(), request.occurredOn()), request.pointId().value(), request, HttpStatus.CREATED);
    }

    @PostMapping("/{pointId}/sessions")
    @Operation(summary = "Record a session: people served per priority group (R5)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> recordSession(@PathVariable CampaignId campaignId, @PathVariable SupportPointId pointId,
                                           @Valid @RequestBody SupportPointRequests.RecordSession request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new RecordSupportSessionCommand(pointId, campaignId, request.peopleServed(),
                request.services(), request.occurredOn()), pointId.value(), request, HttpStatus.CREATED);
    }

    @PostMapping("/{pointId}/close")
    @Operation(summary = "Close a mobile support point")
    @ApiResponse(responseCode = "200", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> close(@PathVariable CampaignId campaignId, @PathVariable SupportPointId pointId,
                                   @Valid @RequestBody OccurredOnRequest request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new CloseSupportPointCommand(pointId, campaignId, request.occurredOn()),
                pointId.value(), request, HttpStatus.OK);
    }
}
