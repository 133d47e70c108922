package org.campaignledger.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each projection is behind the log, read from the token store, so it is the same answer on every
 * query node whichever node holds the segments (a node's own processor only knows the segments it claimed).
 * A projection's position is its slowest segment's; its lag in seconds is the age of the oldest event it has
 * not applied yet. Two indexed queries per projection: cheap enough for every probe and every refresh.
 */
@Component
public class ProjectionLag {

    /** One projection: position -1 before its first event; {@code replaying} while it is being rebuilt. */
    public record Lag(String projection, long position, long head, long events, double seconds, boolean replaying,
                      int segments) {

        public boolean caughtUpWith(long index) {
            return !replaying && position >= index;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    ProjectionLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    public List<Lag> measure() {
        long head = head();
        return ProjectionAdmin.PROJECTIONS.stream().map(name -> measure(name, head)).toList();
    }

    /** One projection against the given head of the log. */
    public Lag measure(String projection, long head) {
        List<long[]> segments = jdbc.query("SELECT tokentype, token FROM tokenentry WHERE processorname = ?",
                (rs, n) -> position(rs.getString(1), rs.getBytes(2)), projection);
        long position = segments.isEmpty() ? -1 : segments.stream().mapToLong(s -> s[0]).min().orElse(-1);
        boolean replaying = segments.stream().anyMatch(s -> s[1] == 1);
        double seconds = 0;
        if (position < head) {
            List<OffsetDateTime> oldest = jdbc.query("SELECT recorded_at FROM domain_event_entry"
                    + " WHERE global_index > ? ORDER BY global_index LIMIT 1",
                    (rs, n) -> rs.getObject(1, OffsetDateTime.class), position);
            seconds = oldest.isEmpty() ? 0
                    : Math.max(0, Duration.between(oldest.get(0), OffsetDateTime.now()).toMillis() / 1000.0);
        }
        return new Lag(projection, position, head, Math.max(0, head - position), seconds, replaying,
                segments.size());
    }

    /** {position, 1 if still replaying}; a segment without a token has applied nothing yet. */
    private static long[] position(String type, byte[] token) {
        if (token == null || type == null) {
            return new long[] {-1, 0};
        }
        try {
            JsonNode node = JSON.readTree(token);
            if (type.endsWith("ReplayToken")) {
                // Axon keeps the replay token until an event after the reset point arrives; caught up with
                // the reset point, the rebuild is done even if the log has not moved since
                long current = index(node.path("currentToken"));
                return new long[] {current, current < index(node.path("tokenAtReset")) ? 1 : 0};
            }
            return new long[] {node.path("index").asLong(-1), 0};
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable " + type + " token", e);
        }
    }

    private static long index(JsonNode token) {
        JsonNode plain = token.isArray() && token.size() == 2 ? token.get(1) : token;
        return plain.path("index").asLong(-1);
    }
}
