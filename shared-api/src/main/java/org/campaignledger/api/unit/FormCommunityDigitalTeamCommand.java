package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forms the community digital team of one village or residential group (R4). */
public record FormCommunityDigitalTeamCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, TeamId teamId, String residentialGroup, int memberCount, LocalDate occurredOn) implements UnitFactCommand {
}
