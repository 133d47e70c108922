package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records fixed broadband or 5G brought to a public service point (R6). */
public record RecordConnectivityUpgradeCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, String servicePoint, ConnectivityTechnology technology, LocalDate occurredOn) implements UnitFactCommand {
}
