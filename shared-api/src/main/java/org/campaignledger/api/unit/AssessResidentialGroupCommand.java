package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records how much support a residential group needs (R8). */
public record AssessResidentialGroupCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, String residentialGroup, NeedLevel needLevel, LocalDate occurredOn) implements UnitFactCommand {
}
