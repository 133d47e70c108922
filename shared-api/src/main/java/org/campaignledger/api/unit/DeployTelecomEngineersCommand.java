package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records IT and telecom engineers deployed to the unit (R7). */
public record DeployTelecomEngineersCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, String operator, int count, LocalDate occurredOn) implements UnitFactCommand {
}
