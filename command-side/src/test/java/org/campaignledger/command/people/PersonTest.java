package org.campaignledger.command.people;

import static org.campaignledger.command.Violates.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.api.people.ForgetPersonCommand;
import org.campaignledger.api.people.PersonForgottenEvent;
import org.campaignledger.api.people.PersonId;
import org.campaignledger.api.people.PersonKind;
import org.campaignledger.command.rules.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final PersonId PERSON = new PersonId(PersonKind.PARTICIPANT, "p-1");

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    @Test
    void forgettingAPersonIsRecordedAsAFactHoldingTheIdOnly() {
        fixture.givenNoPriorActivity()
                .when(new ForgetPersonCommand(PERSON))
                .expectEvents(new PersonForgottenEvent(PERSON))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aPersonIsForgottenOnce() {
        fixture.given(new PersonForgottenEvent(PERSON))
                .when(new ForgetPersonCommand(PERSON))
                .expectException(violates(Rule.PERSON_FORGOTTEN))
                .expectNoEvents();
    }
}
