package org.campaignledger.api.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Nominates one of the unit's practices as a model for rewards (R10). */
public record NominateModelPracticeCommand(@TargetAggregateIdentifier AdministrativeUnitId unitId, PracticeId practiceId, String title, String description, LocalDate occurredOn) implements UnitFactCommand {
}
