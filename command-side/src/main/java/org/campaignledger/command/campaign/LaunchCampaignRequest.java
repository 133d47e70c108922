package org.campaignledger.command.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.web.PlainText;
import org.campaignledger.platform.web.PlausibleDate;

/** The body of {@code POST /api/campaigns}: a campaign's whole definition. */
record LaunchCampaignRequest(
        @NotNull CampaignId campaignId,
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank @Size(max = 200) @PlainText String directive,
        @NotNull @PlausibleDate LocalDate startDate,
        @NotNull @Min(1) @Max(366) Integer durationDays,
        @NotBlank @Size(max = 64) @PlainText String timeZone,
        @NotNull @Size(max = 50) List<@NotNull @Valid TargetRequest> targets,
        @NotEmpty @Size(max = 200) List<@NotNull CourseCode> courses,
        @NotNull Map<@NotNull ParticipantRole, @NotNull List<@NotNull CourseCode>> requiredCourses,
        @NotEmpty @Size(max = 20000) List<@NotNull @Valid UnitRequest> units) {

    record TargetRequest(@NotNull TargetMetric metric, @NotNull @Positive BigDecimal goal) {
    }

    record UnitRequest(
            @NotNull UnitCode code,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull UnitKind kind,
            @PositiveOrZero Long population,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @DecimalMin("-90") @DecimalMax("90") Double latitude) {
    }

    LaunchCampaignCommand toCommand() {
        return new LaunchCampaignCommand(campaignId, name, directive, startDate, durationDays, timeZone,
                targets.stream().map(target -> new Target(target.metric(), target.goal())).toList(),
                courses, requiredCourses,
                units.stream().map(unit -> new UnitDefinition(unit.code(), unit.name(), unit.kind(),
                        unit.population(), unit.longitude(), unit.latitude())).toList());
    }
}
