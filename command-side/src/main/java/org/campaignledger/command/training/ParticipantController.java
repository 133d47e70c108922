package org.campaignledger.command.training;

import jakarta.validation.Valid;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.command.campaign.Campaigns;
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
@RequestMapping(path = "/api/campaigns/{campaignId}/participants", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantController {

    private final FactRecorder recorder;
    private final Campaigns campaigns;

    ParticipantController(FactRecorder recorder, Campaigns campaigns) {
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(summary = "Enrol a participant in the campaign's training (R2, R3)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> enrol(@PathVariable CampaignId campaignId,
                                   @Valid @RequestBody ParticipantRequests.Enrol request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new EnrolParticipantCommand(request.participantId(), campaignId, request.unitCode(),
                request.role(), request.teamId(), request.occurredOn()), request.participantId().value(), request,
                HttpStatus.CREATED);
    }

    @PostMapping("/{participantId}/course-completions")
    @Operation(summary = "Record a course completion (R2, R3, R9)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> completeCourse(@PathVariable CampaignId campaignId,
                                            @PathVariable ParticipantId participantId,
                                            @Valid @RequestBody ParticipantRequests.CompleteCourse request) {
        campaigns.rulesFor(campaignId);
        return recorder.record(new CompleteCourseCommand(participantId, campaignId, request.course(),
                request.occurredOn()), participantId.value(), request, HttpStatus.CREATED);
    }
}
