package org.campaignledger.command.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.web.PlainText;

/** The bodies of the support point endpoints. */
final class SupportPointRequests {

    private SupportPointRequests() {
    }

    record Open(@NotNull SupportPointId pointId, @NotNull UnitCode unitCode,
                @NotBlank @Size(max = 200) @PlainText String location, @NotNull LocalDate occurredOn) {
    }

    /** Counts per priority group (missing groups count 0; not all may be 0) and the services helped with. */
    record RecordSession(
            @NotEmpty Map<@NotNull PriorityGroup, @NotNull @PositiveOrZero @Max(100_000) Integer> peopleServed,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) @PlainText String> services,
            @NotNull LocalDate occurredOn) {
    }
}
