package org.campaignledger.query.people;

import java.time.Instant;
import java.util.List;
import org.campaignledger.api.people.PersonKind;

/**
 * Everything the personal-data store holds about a person, and whether they were forgotten. The facts about
 * them (enrolment, completions, assignments) are in the audit trail under their id.
 */
record PersonalDataView(PersonKind kind, String personId, boolean erased, Instant erasedAt, String erasedBy,
                        List<Record> records) {

    /** One unit's record of the person. */
    record Record(String campaignId, String unitCode, String fullName, String contact, String recordedBy,
                  Instant recordedAt) {
    }
}
