package org.campaignledger.command.campaign;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A body that only says when the fact happened (closing, releasing). */
public record OccurredOnRequest(@NotNull LocalDate occurredOn) {
}
