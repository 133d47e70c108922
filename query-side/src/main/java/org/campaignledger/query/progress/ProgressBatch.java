package org.campaignledger.query.progress;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.training.CourseCompletedEvent;
import org.campaignledger.api.training.ParticipantEnrolledEvent;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.query.projection.ChangeNotifications;
import org.campaignledger.query.projection.ColumnArrays;
import org.campaignledger.query.projection.ReplayWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One processor batch of the progress projection. Handlers only record what they saw, in log order; at
 * commit the batch loads the participants it needs in one query, folds everything in memory (many events
 * hit the same unit and day) and writes each table with one JDBC batch.
 */
final class ProgressBatch {

    private static final Logger log = LoggerFactory.getLogger(ProgressBatch.class);
    /** Well under half of G1's smallest region (1 MB), so no part is a humongous object. */
    static final int COPY_PART_CHARS = 64 * 1024;

    private interface Op {
    }

    private record Launch(CampaignLaunchedEvent event, Instant recordedAt) implements Op {
    }

    private record Close(CampaignClosedEvent event, Instant recordedAt) implements Op {
    }

    private record Change(String campaignId, String unitCode, LocalDate occurredOn, Instant recordedAt,
                          String eventId, long[] deltas) implements Op {
    }

    private record Enrol(ParticipantEnrolledEvent event, Instant recordedAt, String eventId) implements Op {
    }

    private record Complete(CourseCompletedEvent event, Instant recordedAt, String eventId) implements Op {
    }

    private record DayKey(String campaignId, String unitCode, int day) {
    }

    /**
     * One event's change to one day. Keyed by the event's identifier, not its global index: an event that
     * fills a gap in the log reaches the processor with a token whose position is the highest index
     * seen, which several events then share.
     */
    private record ChangeKey(String campaignId, String eventId, int day) {
    }

    private record ChangeRow(String unitCode, Instant recordedAt, long[] deltas) {
    }

    private final List<Op> ops = new ArrayList<>();
    /** The campaigns this batch changes: each gets a new version when it is written. */
    private final Set<String> touched = new LinkedHashSet<>();
    /** Every event of this batch arrives for the first time (a bulk replay): no need to ask which are applied. */
    private final boolean firstDelivery;

    ProgressBatch(boolean firstDelivery) {
        this.firstDelivery = firstDelivery;
    }

    void launched(CampaignLaunchedEvent event, Instant recordedAt) {
        ops.add(new Launch(event, recordedAt));
        touched.add(event.campaignId().value());
    }

    void closed(CampaignClosedEvent event, Instant recordedAt) {
        ops.add(new Close(event, recordedAt));
        touched.add(event.campaignId().value());
    }

    void enrolled(ParticipantEnrolledEvent event, Instant recordedAt, String eventId) {
        ops.add(new Enrol(event, recordedAt, eventId));
        touched.add(event.campaignId().value());
    }

    void completed(CourseCompletedEvent event, Instant recordedAt, String eventId) {
        ops.add(new Complete(event, recordedAt, eventId));
        touched.add(event.campaignId().value());
    }

    /** A fact that adds {@code delta} to {@code measure} (and to the measures that follow in pairs). */
    void change(String campaignId, String unitCode, LocalDate occurredOn, Instant recordedAt, String eventId,
                Object... measuresAndDeltas) {
        long[] deltas = new long[Measure.COUNT];
        for (int i = 0; i < measuresAndDeltas.length; i += 2) {
            deltas[((Measure) measuresAndDeltas[i]).ordinal()] += ((Number) measuresAndDeltas[i + 1]).longValue();
        }
        ops.add(new Change(campaignId, unitCode, occurredOn, recordedAt, eventId, deltas));
        touched.add(campaignId);
    }

    /**
     * What one batch writes, folded from its events: its change rows and their hour sums, its (campaign, unit,
     * day) sums, the participants it changed (as rows, so writing them reads nothing a later fold changes) and the
     * campaigns it launched, closed or touched.
     */
    static final class Writes {
        private final List<Object[]> launches = new ArrayList<>();
        private final List<Object[]> closes = new ArrayList<>();
        private final Map<ChangeKey, ChangeRow> changes = new LinkedHashMap<>();
        private final Map<DayKey, long[]> days = new LinkedHashMap<>();
        private final RecordedHours hours = new RecordedHours();
        private final Map<String, ParticipantState> participants = new HashMap<>();
        private final List<Object[]> participantRows = new ArrayList<>();
        private final Set<String> touched = new LinkedHashSet<>();

        /**
         * Writes everything in the current transaction. {@code notify}: also tell the query nodes that the
         * touched campaigns changed, when this transaction is not the one their signal rides in (a bulk replay).
         */
        void write(JdbcTemplate jdbc, boolean notify) {
            if (!launches.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO progress_campaign (campaign_id, start_date, duration_days, definition)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING", launches);
            }
            if (!closes.isEmpty()) {
                jdbc.batchUpdate("UPDATE progress_campaign SET closed_on = ?, closed_recorded_at = ?"
                        + " WHERE campaign_id = ?", closes);
            }
            writeChanges(jdbc, changes);
            hours.write(jdbc);
            writeDays(jdbc, days);
            writeParticipants(jdbc, participantRows);
            // a version from a sequence never repeats, not even across rebuilds: (campaign, version) names one state
            jdbc.batchUpdate("UPDATE progress_campaign SET version = nextval('progress_version') WHERE campaign_id = ?",
                    touched.stream().map(campaignId -> new Object[] {campaignId}).toList());
            if (notify) {
                ChangeNotifications.notifyChanged(jdbc, touched);
            }
        }
    }

    /** Folds and writes the batch in the current transaction. */
    void flush(JdbcTemplate jdbc, CampaignDefinitions definitions) {
        fold(jdbc, definitions, null).write(jdbc, false);
    }

    /**
     * Folds the batch, reading the participants it needs in the current transaction.
     *
     * @param unwritten writes submitted but perhaps not committed yet (a bulk replay's {@link ReplayWriter}):
     *                  their participants are newer than the database's
     */
    Writes fold(JdbcTemplate jdbc, CampaignDefinitions definitions, Writes unwritten) {
        Writes writes = new Writes();
        Map<String, ParticipantState> participants = loadParticipants(jdbc, unwritten);
        Set<String> dirty = new LinkedHashSet<>();
        Map<DayKey, long[]> days = writes.days;
        Map<ChangeKey, ChangeRow> changes = writes.changes;

        Set<String> applied = appliedChanges(jdbc);
        for (Op op : ops) {
            if (op instanceof Launch launch) {
                CampaignLaunchedEvent event = launch.event();
                definitions.remember(new CampaignDefinition(event));
                writes.launches.add(new Object[] {event.campaignId().value(),
                        CampaignDefinitions.sqlDate(event.startDate()), event.durationDays(),
                        CampaignDefinitions.write(event)});
            } else if (op instanceof Close close) {
                writes.closes.add(new Object[] {CampaignDefinitions.sqlDate(close.event().occurredOn()),
                        Timestamp.from(close.recordedAt()), close.event().campaignId().value()});
            } else if (op instanceof Change change) {
                if (!applied.add(change.eventId())) {
                    continue; // delivered again: its change is already in fact_change (or earlier in this batch)
                }
                definition(definitions, change.campaignId()).ifPresent(definition ->
                        add(days, changes, change.campaignId(), change.unitCode(),
                                definition.dayOf(change.occurredOn()), change.recordedAt(), change.eventId(),
                                change.deltas()));
            } else if (op instanceof Enrol enrol) {
                enrol(enrol, definitions, participants, dirty, days, changes);
            } else if (op instanceof Complete complete) {
                complete(complete, definitions, participants, dirty, days, changes);
            }
        }
        changes.forEach((key, change) -> writes.hours.add(key.campaignId(), change.unitCode(), key.day(),
                change.recordedAt(), change.deltas()));
        for (String key : dirty) {
            ParticipantState state = participants.get(key);
            writes.participants.put(key, state);
            writes.participantRows.add(new Object[] {state.campaignId, state.participantId, state.unitCode,
                    state.role.name(), state.teamId, CampaignDefinitions.sqlDate(state.enrolledOn),
                    state.completionsJson(), CampaignDefinitions.sqlDate(state.trainedOn)});
        }
        writes.touched.addAll(touched);
        ops.clear();
        touched.clear();
        return writes;
    }

    /**
     * The events among this batch's direct changes whose change is already recorded: a streaming processor delivers
     * at least once, and a change added twice would count twice (ProcessCrashIT once saw a fact delivered again
     * after restarts). Enrolments and completions need no such check: they change a participant's state, which
     * a second delivery finds already changed.
     */
    private Set<String> appliedChanges(JdbcTemplate jdbc) {
        List<Change> direct = ops.stream().filter(Change.class::isInstance).map(Change.class::cast).toList();
        if (direct.isEmpty() || firstDelivery) {
            return new HashSet<>();
        }
        String[] campaigns = direct.stream().map(Change::campaignId).distinct().toArray(String[]::new);
        String[] events = direct.stream().map(Change::eventId).toArray(String[]::new);
        return new HashSet<>(jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT event_id FROM fact_change"
                    + " WHERE campaign_id = ANY(?) AND event_id = ANY(?)");
            statement.setArray(1, connection.createArrayOf("varchar", campaigns));
            statement.setArray(2, connection.createArrayOf("varchar", events));
            return statement;
        }, (rows, n) -> rows.getString(1)));
    }

    private void enrol(Enrol enrol, CampaignDefinitions definitions, Map<String, ParticipantState> participants,
                       Set<String> dirty, Map<DayKey, long[]> days, Map<ChangeKey, ChangeRow> changes) {
        ParticipantEnrolledEvent event = enrol.event();
        String campaignId = event.campaignId().value();
        Optional<CampaignDefinition> definition = definition(definitions, campaignId);
        if (definition.isEmpty()) {
            return;
        }
        String key = key(campaignId, event.participantId().value());
        ParticipantState state = participants.computeIfAbsent(key, k -> newState(campaignId,
                event.participantId().value(), event.unitCode().value(), event.role()));
        if (state.enrolledOn != null) {
            return;
        }
        state.enrolledOn = event.occurredOn();
        state.unitCode = event.unitCode().value();
        state.role = event.role();
        state.teamId = event.teamId() == null ? null : event.teamId().value();
        dirty.add(key);
        add(days, changes, campaignId, state.unitCode, definition.get().dayOf(event.occurredOn()),
                enrol.recordedAt(), enrol.eventId(), single(Measure.enrolled(state.role)));
        trainIfComplete(state, definition.get(), enrol.recordedAt(), enrol.eventId(), days, changes);
    }

    private void complete(Complete complete, CampaignDefinitions definitions,
                          Map<String, ParticipantState> participants, Set<String> dirty, Map<DayKey, long[]> days,
                          Map<ChangeKey, ChangeRow> changes) {
        CourseCompletedEvent event = complete.event();
        String campaignId = event.campaignId().value();
        Optional<CampaignDefinition> definition = definition(definitions, campaignId);
        if (definition.isEmpty()) {
            return;
        }
        String key = key(campaignId, event.participantId().value());
        ParticipantState state = participants.computeIfAbsent(key, k -> newState(campaignId,
                event.participantId().value(), event.unitCode().value(), event.role()));
        LocalDate earlier = state.completions.get(event.course().value());
        if (earlier == null || event.occurredOn().isBefore(earlier)) {
            state.completions.put(event.course().value(), event.occurredOn());
            dirty.add(key);
        }
        trainIfComplete(state, definition.get(), complete.recordedAt(), complete.eventId(), days, changes);
    }

    private static boolean trainIfComplete(ParticipantState state, CampaignDefinition definition, Instant recordedAt,
                                           String eventId, Map<DayKey, long[]> days,
                                           Map<ChangeKey, ChangeRow> changes) {
        LocalDate trainedOn = state.becomeTrainedIfComplete(definition.requiredCourses(state.role));
        if (trainedOn == null) {
            return false;
        }
        add(days, changes, state.campaignId, state.unitCode, definition.dayOf(trainedOn), recordedAt, eventId,
                single(Measure.trained(state.role)));
        return true;
    }

    private static long[] single(Measure measure) {
        long[] deltas = new long[Measure.COUNT];
        deltas[measure.ordinal()] = 1;
        return deltas;
    }

    private static void add(Map<DayKey, long[]> days, Map<ChangeKey, ChangeRow> changes, String campaignId,
                            String unitCode, int day, Instant recordedAt, String eventId, long[] deltas) {
        long[] total = days.computeIfAbsent(new DayKey(campaignId, unitCode, day), k -> new long[Measure.COUNT]);
        ChangeRow row = changes.computeIfAbsent(new ChangeKey(campaignId, eventId, day),
                k -> new ChangeRow(unitCode, recordedAt, new long[Measure.COUNT]));
        for (int i = 0; i < deltas.length; i++) {
            total[i] += deltas[i];
            row.deltas()[i] += deltas[i];
        }
    }

    private Optional<CampaignDefinition> definition(CampaignDefinitions definitions, String campaignId) {
        Optional<CampaignDefinition> definition = definitions.find(campaignId);
        if (definition.isEmpty()) {
            log.warn("Fact of unknown campaign {} ignored by the progress projection", campaignId);
        }
        return definition;
    }

    /**
     * Loads every participant the batch touches with one query per campaign, by primary key; those the unwritten
     * writes changed are taken from them instead (copied: this batch changes its own).
     */
    private Map<String, ParticipantState> loadParticipants(JdbcTemplate jdbc, Writes unwritten) {
        Map<String, Set<String>> idsByCampaign = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Enrol enrol) {
                idsByCampaign.computeIfAbsent(enrol.event().campaignId().value(), k -> new LinkedHashSet<>())
                        .add(enrol.event().participantId().value());
            } else if (op instanceof Complete complete) {
                idsByCampaign.computeIfAbsent(complete.event().campaignId().value(), k -> new LinkedHashSet<>())
                        .add(complete.event().participantId().value());
            }
        }
        Map<String, ParticipantState> states = new HashMap<>();
        idsByCampaign.forEach((campaignId, ids) -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT campaign_id, participant_id, unit_code, role, team_id,"
                    + " enrolled_on, completions, trained_on FROM participant_progress"
                    + " WHERE campaign_id = ? AND participant_id = ANY (?)");
            statement.setString(1, campaignId);
            Array array = connection.createArrayOf("varchar", ids.toArray(String[]::new)); // binary, as ColumnArrays
            statement.setArray(2, array);
            return statement;
        }, rs -> {
            ParticipantState state = new ParticipantState(rs.getString(1), rs.getString(2), rs.getString(3),
                    ParticipantRole.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                    ParticipantState.completionsFrom(rs.getString(7)), rs.getObject(8, LocalDate.class));
            states.put(key(state.campaignId, state.participantId), state);
        }));
        if (unwritten != null) {
            idsByCampaign.forEach((campaignId, ids) -> ids.forEach(id -> {
                ParticipantState newer = unwritten.participants.get(key(campaignId, id));
                if (newer != null) {
                    states.put(key(campaignId, id), newer.copy());
                }
            }));
        }
        return states;
    }

    private static ParticipantState newState(String campaignId, String participantId, String unitCode,
                                             ParticipantRole role) {
        return new ParticipantState(campaignId, participantId, unitCode, role, null, null, new TreeMap<>(), null);
    }

    private static String key(String campaignId, String participantId) {
        return campaignId + '\u0000' + participantId;
    }

    /**
     * One row per event and day: the widest and most numerous rows of the projection, so written with COPY
     * (text format) rather than bound INSERT parameters, which cost more than the rest of a batch together. The
     * text goes in parts of {@link #COPY_PART_CHARS}: a whole batch's text (about 700 KB for 5,000 events) is a
     * humongous object for G1 in a 512 MB heap, and each one started a concurrent collection cycle.
     */
    private static void writeChanges(JdbcTemplate jdbc, Map<ChangeKey, ChangeRow> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String copy = "COPY fact_change (campaign_id, event_id, day, unit_code, recorded_at, " + Measure.COLUMNS
                + ") FROM STDIN";
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder rows = new StringBuilder(COPY_PART_CHARS + 1024);
                for (Map.Entry<ChangeKey, ChangeRow> entry : changes.entrySet()) {
                    ChangeKey key = entry.getKey();
                    ChangeRow change = entry.getValue();
                    rows.append(copyText(key.campaignId())).append('\t').append(copyText(key.eventId())).append('\t')
                            .append(key.day()).append('\t').append(copyText(change.unitCode())).append('\t')
                            .append(change.recordedAt());
                    for (long delta : change.deltas()) {
                        rows.append('\t').append(delta);
                    }
                    rows.append('\n');
                    if (rows.length() >= COPY_PART_CHARS) {
                        send(in, rows);
                    }
                }
                send(in, rows);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        });
    }

    private static void send(CopyIn in, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    /** A value in COPY's text format: backslash, tab and line breaks escaped, null as {@code \N}. */
    private static String copyText(String value) {
        if (value == null) {
            return "\\N";
        }
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** One statement for all the batch's (campaign, unit, day) sums: {@link ColumnArrays}. */
    private static void writeDays(JdbcTemplate jdbc, Map<DayKey, long[]> days) {
        String updates = Arrays.stream(Measure.values())
                .map(m -> m.column() + " = unit_day_delta." + m.column() + " + EXCLUDED." + m.column())
                .collect(Collectors.joining(", "));
        List<String> types = new ArrayList<>(List.of("varchar", "varchar", "int2"));
        types.addAll(Collections.nCopies(Measure.COUNT, "int8"));
        List<Object[]> rows = days.entrySet().stream().map(entry -> {
            Object[] row = new Object[3 + Measure.COUNT];
            row[0] = entry.getKey().campaignId();
            row[1] = entry.getKey().unitCode();
            row[2] = entry.getKey().day();
            for (int i = 0; i < Measure.COUNT; i++) {
                row[3 + i] = entry.getValue()[i];
            }
            return row;
        }).toList();
        ColumnArrays.write(jdbc, "INSERT INTO unit_day_delta (campaign_id, unit_code, day, " + Measure.COLUMNS
                + ") SELECT * FROM %s ON CONFLICT (campaign_id, unit_code, day) DO UPDATE SET " + updates, types, rows);
    }

    /** One statement for all the participants the batch changed: {@link ColumnArrays}. */
    private static void writeParticipants(JdbcTemplate jdbc, List<Object[]> rows) {
        ColumnArrays.write(jdbc, "INSERT INTO participant_progress (campaign_id, participant_id, unit_code, role,"
                + " team_id, enrolled_on, completions, trained_on) SELECT * FROM %s"
                + " ON CONFLICT (campaign_id, participant_id) DO UPDATE SET unit_code = EXCLUDED.unit_code,"
                + " role = EXCLUDED.role, team_id = EXCLUDED.team_id, enrolled_on = EXCLUDED.enrolled_on,"
                + " completions = EXCLUDED.completions, trained_on = EXCLUDED.trained_on",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "date", "text", "date"), rows);
    }
}
