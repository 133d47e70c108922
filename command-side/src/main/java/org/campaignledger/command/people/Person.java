package org.campaignledger.command.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignledger.api.people.ForgetPersonCommand;
import org.campaignledger.api.people.PersonForgottenEvent;
import org.campaignledger.api.people.PersonId;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.rules.VersionedAggregate;

/** A person the ledger was asked to forget: forgotten once, and the request itself is part of the record. */
@Aggregate
public class Person extends VersionedAggregate {

    @AggregateIdentifier
    private String personKey;
    private boolean forgotten;

    protected Person() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ForgetPersonCommand command) {
        if (forgotten) {
            throw new RuleViolation(Rule.PERSON_FORGOTTEN, "The personal data of " + command.personId()
                    + " was already erased.");
        }
        apply(new PersonForgottenEvent(command.personId()));
        return currentVersion();
    }

    @EventSourcingHandler
    void on(PersonForgottenEvent event) {
        PersonId id = event.personId();
        personKey = id.toString();
        forgotten = true;
    }
}
