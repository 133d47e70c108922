package org.campaignledger.command.people;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.people.PersonId;
import org.campaignledger.api.unit.UnitCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the personal-data store: a person's name as a unit recorded it. */
@Component
class PersonalData {

    private final JdbcTemplate jdbc;

    PersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isForgotten(PersonId person) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM personal_data_erasure"
                + " WHERE person_kind = ? AND person_id = ?)", Boolean.class, person.kind().name(), person.id()));
    }

    /** One person's writes and erasure run one after the other (until the transaction ends). */
    static void lock(JdbcTemplate jdbc, PersonId person) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, "person:" + person);
    }

    /** Records or replaces the name, unless the person was forgotten; returns whether it was recorded. */
    @Transactional
    boolean record(PersonId person, CampaignId campaign, UnitCode unit, String fullName, String contact, String by) {
        lock(jdbc, person);
        return 1 ==         jdbc.update("INSERT INTO personal_data (person_kind, person_id, campaign_id, unit_code, full_name, contact,"
                        + " recorded_by) SELECT ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM personal_data_erasure WHERE person_kind = ? AND person_id = ?)"
                        + " ON CONFLICT (person_kind, person_id, campaign_id, unit_code) DO UPDATE SET"
                        + " full_name = excluded.full_name, contact = excluded.contact,"
                        + " recorded_by = excluded.recorded_by, recorded_at = clock_timestamp()",
                person.kind().name(), person.id(), campaign.value(), unit.value(), fullName, contact, by,
                person.kind().name(), person.id());
    }
}
