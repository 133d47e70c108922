package org.campaignledger.command.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.campaignledger.api.people.PersonForgottenEvent;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a forgotten person's names and contact details, in the transaction that records the
 * {@link PersonForgottenEvent} (a subscribing processor): the fact and the erasure commit together or not at all.
 */
@Component
@ProcessingGroup(PersonalDataEraser.PROCESSING_GROUP)
class PersonalDataEraser {

    static final String PROCESSING_GROUP = "personal-data";

    private final JdbcTemplate jdbc;

    PersonalDataEraser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonForgottenEvent event, @MetaDataValue(MetadataKeys.PRINCIPAL) String principal) {
        String kind = event.personId().kind().name();
        String id = event.personId().id();
        PersonalData.lock(jdbc, event.personId());
        jdbc.update("DELETE FROM personal_data WHERE person_kind = ? AND person_id = ?", kind, id);
        jdbc.update("INSERT INTO personal_data_erasure (person_kind, person_id, erased_by) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", kind, id, principal == null ? "system" : principal);
    }
}
