package org.campaignledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.campaignledger.api.query.FindAuditEventsQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code domain_event_entry} directly: the audit trail is the log, not a projection of it. Filters
 * use the columns the event store fills from each fact (campaign, unit, business date) and its own
 * (aggregate, type, recording time); order and cursor are the global index. Payload and metadata come back as
 * the stored JSON text, unparsed ({@link StoredEvent}).
 */
@Component
class AuditLog {

    static final int MAX_PAGE = 1000;

    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier,"
            + " sequence_number, payload_type, payload_revision, recorded_at, campaign_id, unit_code, occurred_on,"
            + " payload, meta_data";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    AuditLog(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction; otherwise it reads the whole result
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    StoredEvent.Page page(FindAuditEventsQuery query) {
        int limit = Math.max(1, Math.min(query.limit() <= 0 ? 100 : query.limit(), MAX_PAGE));
        Where where = where(query);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        List<StoredEvent> events = jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry" + where.sql()
                + " ORDER BY global_index LIMIT ?", (rs, n) -> view(rs), args.toArray());
        Long next = events.size() == limit ? events.get(events.size() - 1).globalIndex() : null;
        return new StoredEvent.Page(events, next);
    }

    /** Every matching event in log order, one at a time, never holding more than one fetch in memory. */
    void export(FindAuditEventsQuery query, Consumer<StoredEvent> sink) {
        Where where = where(query);
        readOnly.executeWithoutResult(status -> streaming.query("SELECT " + COLUMNS + " FROM domain_event_entry"
                + where.sql() + " ORDER BY global_index", rs -> {
                    sink.accept(view(rs));
                }, where.args().toArray()));
    }

    List<StoredEvent> aggregate(String aggregateIdentifier, Instant asKnownAt) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND recorded_at <= ? ORDER BY sequence_number", (rs, n) -> view(rs),
                aggregateIdentifier, Timestamp.from(asKnownAt));
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(FindAuditEventsQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        condition(conditions, args, "campaign_id = ?", query.campaignId());
        condition(conditions, args, "unit_code = ?", query.unitCode());
        condition(conditions, args, "aggregate_identifier = ?", query.aggregateIdentifier());
        if (query.type() != null && !query.type().isBlank()) {
            if (query.type().contains(".")) {
                condition(conditions, args, "payload_type = ?", query.type());
            } else {
                condition(conditions, args, "payload_type LIKE ?", "%." + query.type());
            }
        }
        condition(conditions, args, "occurred_on >= ?", query.occurredFrom() == null ? null
                : Date.valueOf(query.occurredFrom()));
        condition(conditions, args, "occurred_on <= ?", query.occurredTo() == null ? null
                : Date.valueOf(query.occurredTo()));
        condition(conditions, args, "recorded_at >= ?", query.recordedFrom() == null ? null
                : Timestamp.from(query.recordedFrom()));
        condition(conditions, args, "recorded_at <= ?", query.recordedTo() == null ? null
                : Timestamp.from(query.recordedTo()));
        condition(conditions, args, "global_index > ?", query.after());
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    private static void condition(List<String> conditions, List<Object> args, String sql, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(sql);
            args.add(value);
        }
    }

    private static StoredEvent view(ResultSet rs) throws SQLException {
        OffsetDateTime recordedAt = rs.getObject(8, OffsetDateTime.class);
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), recordedAt.toInstant(), rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), json(rs.getBytes(12)), json(rs.getBytes(13)));
    }

    /** The event store writes UTF-8 JSON into both bytea columns (V1_0_1); no metadata reads as an empty object. */
    private static String json(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? StoredEvent.EMPTY_JSON : new String(bytes, StandardCharsets.UTF_8);
    }
}
