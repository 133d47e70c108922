package org.campaignledger.command.unit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.campaignledger.api.unit.ConnectivityTechnology;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.NeedLevel;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.platform.web.PlainText;
import org.campaignledger.platform.web.PlausibleDate;

/** The bodies of the unit endpoints; the unit itself comes from the path. */
final class UnitFactRequests {

    private UnitFactRequests() {
    }

    record AssignItOfficer(@NotNull OfficerId officerId, @NotNull Employment employment,
                           @NotNull LocalDate occurredOn) {
    }

    record FormCommunityTeam(@NotNull TeamId teamId, @NotBlank @Size(max = 200) @PlainText String residentialGroup,
                             @NotNull @Min(1) @Max(1000) Integer memberCount, @NotNull LocalDate occurredOn) {
    }

    record FormRescueTeam(@NotNull TeamId teamId, @NotNull @Min(1) @Max(1000) Integer memberCount,
                          @NotNull LocalDate occurredOn) {
    }

    record UpgradeConnectivity(@NotBlank @Size(max = 200) @PlainText String servicePoint,
                               @NotNull ConnectivityTechnology technology, @NotNull LocalDate occurredOn) {
    }

    record AssessResidentialGroup(@NotBlank @Size(max = 200) @PlainText String residentialGroup, @NotNull NeedLevel needLevel,
                                  @NotNull LocalDate occurredOn) {
    }

    record MobiliseStudents(@NotBlank @Size(max = 200) @PlainText String institution,
                            @NotNull @Min(1) @Max(100_000) Integer count,
                            @NotNull @PlausibleDate LocalDate periodFrom, @NotNull @PlausibleDate LocalDate periodTo,
                            @NotNull LocalDate occurredOn) {
    }

    record DeployEngineers(@NotBlank @Size(max = 200) @PlainText String operator, @NotNull @Min(1) @Max(100_000) Integer count,
                           @NotNull LocalDate occurredOn) {
    }

    record NominatePractice(@NotNull PracticeId practiceId, @NotBlank @Size(max = 200) @PlainText String title,
                            @NotBlank @Size(max = 4000) @PlainText String description, @NotNull LocalDate occurredOn) {
    }
}
