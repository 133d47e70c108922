package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends an IT officer's assignment to the unit. */
public record ReleaseITOfficerCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, OfficerId officerId, LocalDate occurredOn) implements UnitFactCommand {
}
