package org.campaignledger.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A unit's latest events, newest first. The audit query pages oldest first; this reads the event store's
 * (campaign, unit, global index) index backwards instead, so it costs the same at any size of log.
 */
@Component
class RecentEvents {

    record Recent(long globalIndex, String payloadType, String aggregateIdentifier, LocalDate occurredOn,
                  Instant recordedAt, String principal) {
    }

    private final JdbcTemplate jdbc;

    RecentEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Recent> of(String campaignId, String unitCode, int limit) {
        return jdbc.query("SELECT global_index, payload_type, aggregate_identifier, occurred_on, recorded_at,"
                        + " convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' FROM domain_event_entry"
                        + " WHERE campaign_id = ? AND unit_code = ? ORDER BY global_index DESC LIMIT ?",
                (rs, n) -> new Recent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6)),
                campaignId, unitCode, limit);
    }
}
