package org.campaignledger.query.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.people.PersonKind;
import org.campaignledger.platform.web.FieldValidationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/people/{kind}/{id}}: a person's personal data, for the Department and auditors. */
@RestController
class PeopleController {

    private final JdbcTemplate jdbc;

    PeopleController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/people/{kind}/{personId}")
    @Operation(summary = "What the personal-data store holds about a participant or IT officer, and whether they "
            + "were forgotten (DEPARTMENT, AUDITOR)")
    @ApiResponse(responseCode = "200", description = "The person's records (none if no name was ever recorded)")
    PersonalDataView person(@PathVariable String kind, @PathVariable String personId) {
        PersonKind personKind;
        try {
            personKind = PersonKind.fromPathSegment(kind);
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("kind", e.getMessage());
        }
        List<PersonalDataView.Record> records = jdbc.query("SELECT campaign_id, unit_code, full_name, contact,"
                        + " recorded_by, recorded_at FROM personal_data WHERE person_kind = ? AND person_id = ?"
                        + " ORDER BY campaign_id, unit_code",
                (rs, n) -> new PersonalDataView.Record(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                personKind.name(), personId);
        List<Map<String, Object>> erasure = jdbc.queryForList("SELECT erased_by, erased_at FROM personal_data_erasure"
                + " WHERE person_kind = ? AND person_id = ?", personKind.name(), personId);
        if (erasure.isEmpty()) {
            return new PersonalDataView(personKind, personId, false, null, null, records);
        }
        return new PersonalDataView(personKind, personId, true,
                ((Timestamp) erasure.get(0).get("erased_at")).toInstant(), (String) erasure.get(0).get("erased_by"),
                records);
    }
}
