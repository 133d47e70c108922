package org.campaignledger.api.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a person's personal data (Decree 13/2023, right to deletion); their facts and counts stay. */
public record ForgetPersonCommand(@TargetAggregateIdentifier PersonId personId) {
}
