package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes an IT officer responsible for the unit's digital transformation (R1). */
public record AssignITOfficerCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, OfficerId officerId, Employment employment, LocalDate occurredOn) implements UnitFactCommand {
}
