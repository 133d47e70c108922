package org.campaignledger.api.people;

import org.axonframework.serialization.Revision;

/** A person's personal data was erased: from now on they show as "erased" where a name would show. */
@Revision("1")
public record PersonForgottenEvent(PersonId personId) {
}
