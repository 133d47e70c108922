package org.campaignledger.command.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.people.ForgetPersonCommand;
import org.campaignledger.api.people.PersonId;
import org.campaignledger.api.people.PersonKind;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.web.Accepted;
import org.campaignledger.command.web.FactRecorder;
import org.campaignledger.platform.security.LedgerUser;
import org.campaignledger.platform.web.FieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names people the log knows by id ({@code PUT}, the unit's officer or the Department), and forgets a
 * person ({@code POST .../forget}, the Department only): the erasure is a fact in the log, the names go.
 */
@RestController
class PeopleController {

    private final PersonalData personalData;
    private final Campaigns campaigns;
    private final FactRecorder recorder;

    PeopleController(PersonalData personalData, Campaigns campaigns, FactRecorder recorder) {
        this.personalData = personalData;
        this.campaigns = campaigns;
        this.recorder = recorder;
    }

    @PutMapping(path = "/api/campaigns/{campaignId}/units/{unitCode}/people/{kind}/{personId}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the name (and contact) of a participant or IT officer of the unit; personal data, "
            + "kept outside the event log")
    @ApiResponse(responseCode = "204", description = "Recorded (or replaced)")
    ResponseEntity<Void> name(@PathVariable CampaignId campaignId, @PathVariable UnitCode unitCode,
                              @PathVariable String kind, @PathVariable String personId,
                              @Valid @RequestBody PersonNameRequest request) {
        PersonId person = person(kind, personId);
        campaigns.rulesFor(campaignId).checkUnit(unitCode);
        LedgerUser user = LedgerUser.current().orElseThrow();
        if (!user.actsFor(unitCode.value())) {
            throw new RuleViolation(Rule.UNIT_NOT_PERMITTED, "As " + user.name() + " (" + user.role()
                    + ") you may not record personal data for unit " + unitCode.value() + ".",
                    Map.of("unitCode", unitCode.value()));
        }
        if (!personalData.record(person, campaignId, unitCode, request.fullName().strip(),
                request.contact() == null || request.contact().isBlank() ? null : request.contact().strip(),
                user.name())) {
            throw new RuleViolation(Rule.PERSON_FORGOTTEN, "The personal data of " + person
                    + " was erased on request; it is not recorded again.");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/people/{kind}/{personId}/forget", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Forget a person: erase their names and contact details (Decree 13/2023); their facts, "
            + "the counts and the audit chain stay")
    @ApiResponse(responseCode = "200", description = "Forgotten: the erasure is recorded as a fact")
    ResponseEntity<Accepted> forget(@PathVariable String kind, @PathVariable String personId) {
        PersonId person = person(kind, personId);
        return recorder.record(new ForgetPersonCommand(person), person.toString(), Map.of("person", person.toString()),
                HttpStatus.OK);
    }

    private static PersonId person(String kind, String personId) {
        PersonKind personKind;
        try {
            personKind = PersonKind.fromPathSegment(kind);
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("kind", e.getMessage());
        }
        try {
            return new PersonId(personKind, personId);
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("personId", e.getMessage());
        }
    }
}
