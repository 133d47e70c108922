package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forms a technology rescue team at unit level (R4). */
public record FormTechRescueTeamCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, TeamId teamId, int memberCount, LocalDate occurredOn) implements UnitFactCommand {
}
