package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records IT students of a university or college mobilised to the unit for a period (R7). */
public record MobiliseStudentVolunteersCommand(
        @TargetAggregateIdentifier AdministrativeUnitId unitId,
        String institution,
        int count,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate occurredOn) implements UnitFactCommand {
}
