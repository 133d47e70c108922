package org.campaignledger.command.unit;

import jakarta.validation.Valid;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.api.unit.UnitCode;
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
@RequestMapping(path = "/api/campaigns/{campaignId}/units/{unitCode}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class UnitFactsController {

    private final FactRecorder recorder;
    private final Campaigns campaigns;

    UnitFactsController(FactRecorder recorder, Campaigns campaigns) {
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @PostMapping("/it-officers")
    @Operation(summary = "Assign an IT officer to the unit (R1)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> assignItOfficer(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                             @Valid @RequestBody UnitFactRequests.AssignItOfficer request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new AssignITOfficerCommand(unit, request.officerId(), request.employment(),
                request.occurredOn()), unit, request);
    }

    @PostMapping("/it-officers/{officerId}/release")
    @Operation(summary = "Release an IT officer from the unit")
    @ApiResponse(responseCode = "200", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> releaseItOfficer(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                              @PathVariable OfficerId officerId,
                                              @Valid @RequestBody OccurredOnRequest request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return recorder.record(new ReleaseITOfficerCommand(unit, officerId, request.occurredOn()), unit.toString(),
                request, HttpStatus.OK);
    }

    @PostMapping("/community-teams")
    @Operation(summary = "Form a community digital team of a village or residential group (R4)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> formCommunityTeam(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                               @Valid @RequestBody UnitFactRequests.FormCommunityTeam request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new FormCommunityDigitalTeamCommand(unit, request.teamId(), request.residentialGroup(),
                request.memberCount(), request.occurredOn()), unit, request);
    }

    @PostMapping("/rescue-teams")
    @Operation(summary = "Form a technology rescue team (R4)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> formRescueTeam(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                            @Valid @RequestBody UnitFactRequests.FormRescueTeam request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new FormTechRescueTeamCommand(unit, request.teamId(), request.memberCount(),
                request.occurredOn()), unit, request);
    }

    @PostMapping("/connectivity-upgrades")
    @Operation(summary = "Record fixed broadband or 5G at a public service point (R6)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> upgradeConnectivity(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                                 @Valid @RequestBody UnitFactRequests.UpgradeConnectivity request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new RecordConnectivityUpgradeCommand(unit, request.servicePoint(), request.technology(),
                request.occurredOn()), unit, request);
    }

    @PostMapping("/residential-group-assessments")
    @Operation(summary = "Record a residential group's need for support (R8)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> assessResidentialGroup(
            @PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
            @Valid @RequestBody UnitFactRequests.AssessResidentialGroup request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new AssessResidentialGroupCommand(unit, request.residentialGroup(), request.needLevel(),
                request.occurredOn()), unit, request);
    }

    @PostMapping("/student-volunteers")
    @Operation(summary = "Record IT students mobilised to the unit (R7)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> mobiliseStudents(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                              @Valid @RequestBody UnitFactRequests.MobiliseStudents request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new MobiliseStudentVolunteersCommand(unit, request.institution(), request.count(),
                request.periodFrom(), request.periodTo(), request.occurredOn()), unit, request);
    }

    @PostMapping("/telecom-engineers")
    @Operation(summary = "Record telecom engineers deployed to the unit (R7)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> deployEngineers(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                             @Valid @RequestBody UnitFactRequests.DeployEngineers request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new DeployTelecomEngineersCommand(unit, request.operator(), request.count(),
                request.occurredOn()), unit, request);
    }

    @PostMapping("/model-practices")
    @Operation(summary = "Nominate a model practice for rewards (R10)")
    @ApiResponse(responseCode = "201", description = Accepted.DESCRIPTION)
    ResponseEntity<Accepted> nominatePractice(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                                              @Valid @RequestBody UnitFactRequests.NominatePractice request) {
        AdministrativeUnitId unit = unit(campaignId, unitCode);
        return record(new NominateModelPracticeCommand(unit, request.practiceId(), request.title(),
                request.description(), request.occurredOn()), unit, request);
    }

    private AdministrativeUnitId unit(CampaignId campaignId, UnitCode unitCode) {
        campaigns.rulesFor(campaignId).checkUnit(unitCode);
        return new AdministrativeUnitId(campaignId, unitCode);
    }

    private ResponseEntity<Accepted> record(Object command, AdministrativeUnitId unit, Object request) {
        return recorder.record(command, unit.toString(), request, HttpStatus.CREATED);
    }
}
