package org.campaignledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.annotation.DirtiesContext;

/**
 * "As known at T" from the sums per recording hour is pinned to the plain definition: known now less every
 * change recorded after T. The changes are written by the progress batch itself, spread over ten hours,
 * some exactly on hour boundaries, in batches that arrive out of recording order.
 */
@SpringBootTest(classes = QuerySideApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AsKnownAtIT {

    private static final LocalDate START = LocalDate.of(2025, 8, 1);
    private static final Instant FIRST_HOUR = Instant.parse("2025-08-03T01:00:00Z");
    private static final List<String> UNITS = List.of("A", "B", "C", "D");
    private static final Measure[] MEASURES = {Measure.STAFF_ENROLLED, Measure.STAFF_TRAINED,
            Measure.IT_OFFICERS_STAFF, Measure.SUPPORT_SESSIONS, Measure.PEOPLE_SERVED_ELDERLY,
            Measure.MODEL_PRACTICES};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CampaignDefinitions definitions;

    @Autowired
    ProgressReader reader;

    private final Random random = new Random(8);
    private int events;

    @Test
    void answersAsKnownAtEveryInstantAsKnownNowLessTheChangesRecordedAfterIt() {
        CampaignDefinition definition = launch();
        TreeSet<Instant> recorded = new TreeSet<>();
        for (int batch = 0; batch < 5; batch++) {
            recorded.addAll(writeBatch(definition.id(), 60));
        }
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT recorded_hour) FROM fact_change_hour"
                + " WHERE campaign_id = ?", Integer.class, definition.id())).isEqualTo(10);
        assertThat(hourSums(definition.id())).isEqualTo(knownNowSums(definition.id()));

        List<Instant> instants = new ArrayList<>();
        for (Instant at : recorded) {
            instants.addAll(List.of(at, at.minus(1, ChronoUnit.MICROS), at.plus(1, ChronoUnit.MICROS)));
        }
        for (int hour = -1; hour <= 11; hour++) {
            Instant boundary = FIRST_HOUR.plus(Duration.ofHours(hour));
            instants.addAll(List.of(boundary, boundary.minus(1, ChronoUnit.MICROS),
                    boundary.plus(1, ChronoUnit.MICROS), boundary.plus(Duration.ofMinutes(30)),
                    boundary.plus(Duration.ofMinutes(30)).minus(1, ChronoUnit.MICROS)));
        }
        for (Instant at : instants) {
            assertSameAnswer(definition, at);
        }
    }

    @Test
    void aChangeRecordedBeforeAnInstantButProjectedLaterCountsAtThatInstant() {
        CampaignDefinition definition = launch();
        writeBatch(definition.id(), 50);
        Instant at = FIRST_HOUR.plus(Duration.ofMinutes(330));
        long before = reader.read(definition, at).at("A", 45)[Measure.STAFF_ENROLLED.ordinal()];

        ProgressBatch late = new ProgressBatch(false);
        late.change(definition.id(), "A", START.plusDays(3), at.minus(Duration.ofMinutes(1)), "late-" + UUID.randomUUID(),
                Measure.STAFF_ENROLLED, 5);
        late.flush(jdbc, definitions);

        assertThat(reader.read(definition, at).at("A", 45)[Measure.STAFF_ENROLLED.ordinal()]).isEqualTo(before + 5);
        assertSameAnswer(definition, at);
    }

    /** A batch whose COPY text runs to many parts of {@link ProgressBatch#COPY_PART_CHARS}: every row arrives, once. */
    @Test
    void aBatchWrittenInManyCopyPartsKeepsEveryChange() {
        CampaignDefinition definition = launch();
        int changes = 4_000;
        // a row holds the campaign's id (45 characters) and a timestamp at the least: the text spans several parts
        assertThat(changes * 64).isGreaterThan(3 * ProgressBatch.COPY_PART_CHARS);
        TreeSet<Instant> recorded = new TreeSet<>(writeBatch(definition.id(), changes));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_change WHERE campaign_id = ?", Integer.class,
                definition.id())).isEqualTo(changes);
        assertThat(hourSums(definition.id())).isEqualTo(knownNowSums(definition.id()));
        for (Instant at : List.of(recorded.first(), recorded.last().minus(1, ChronoUnit.MICROS),
                FIRST_HOUR.plus(Duration.ofMinutes(277)))) {
            assertSameAnswer(definition, at);
        }
    }

    private CampaignDefinition launch() {
        String id = "known-at-" + UUID.randomUUID();
        List<UnitDefinition> units = UNITS.stream().map(code -> new UnitDefinition(new UnitCode(code), "Unit " + code,
                UnitKind.WARD, 1_000L, 105.8, 21.0)).toList();
        ProgressBatch batch = new ProgressBatch(false);
        batch.launched(new CampaignLaunchedEvent(new CampaignId(id), "Campaign " + id, null, START, 45,
                "Asia/Ho_Chi_Minh", List.of(), List.of(), Map.of(), units), FIRST_HOUR.minus(Duration.ofDays(2)));
        batch.flush(jdbc, definitions);
        return definitions.find(id).orElseThrow();
    }

    /** Changes recorded anywhere in the ten hours from FIRST_HOUR; one in ten exactly on an hour boundary. */
    private List<Instant> writeBatch(String campaignId, int changes) {
        ProgressBatch batch = new ProgressBatch(false);
        List<Instant> recorded = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            Instant at = random.nextInt(10) == 0 ? FIRST_HOUR.plus(Duration.ofHours(random.nextInt(10)))
                    : FIRST_HOUR.plus(random.nextLong(Duration.ofHours(10).toNanos() / 1000), ChronoUnit.MICROS);
            // days before the start and after the end too: they count on day 1 or not at all
            LocalDate day = START.plusDays(random.nextInt(48) - 2);
            batch.change(campaignId, UNITS.get(random.nextInt(UNITS.size())), day, at, "event-" + events++,
                    MEASURES[random.nextInt(MEASURES.length)], random.nextInt(7) - 2,
                    MEASURES[random.nextInt(MEASURES.length)], 1);
            recorded.add(at);
        }
        batch.flush(jdbc, definitions);
        return recorded;
    }

    private void assertSameAnswer(CampaignDefinition definition, Instant at) {
        Progress expected = Progress.fromDeltas(definition, knownNowLessChangesAfter(definition, at));
        Progress actual = reader.read(definition, at);
        for (String unit : UNITS) {
            for (int day = 0; day <= definition.durationDays(); day++) {
                assertThat(actual.at(unit, day)).as("unit %s day %d as known at %s", unit, day, at)
                        .containsExactly(expected.at(unit, day));
            }
        }
    }

    /** The definition, as the reader computed it before the hourly sums. */
    private Map<String, long[][]> knownNowLessChangesAfter(CampaignDefinition definition, Instant at) {
        Map<String, long[][]> deltas = new HashMap<>();
        jdbc.query("SELECT unit_code, day, " + Measure.COLUMNS + " FROM unit_day_delta WHERE campaign_id = ?",
                (RowCallbackHandler) rs -> add(definition, deltas, rs, 1), definition.id());
        jdbc.query("SELECT unit_code, day, " + Measure.COLUMNS + " FROM fact_change WHERE campaign_id = ?"
                + " AND recorded_at > ?", (RowCallbackHandler) rs -> add(definition, deltas, rs, -1), definition.id(),
                Timestamp.from(at));
        return deltas;
    }

    private static void add(CampaignDefinition definition, Map<String, long[][]> deltas, java.sql.ResultSet rs,
                            int sign) throws java.sql.SQLException {
        int day = rs.getInt(2);
        if (day > definition.durationDays()) {
            return;
        }
        long[] row = deltas.computeIfAbsent(rs.getString(1),
                unit -> new long[definition.durationDays() + 1][Measure.COUNT])[Math.max(1, day)];
        for (int m = 0; m < Measure.COUNT; m++) {
            row[m] += sign * rs.getLong(3 + m);
        }
    }

    private List<Map<String, Object>> hourSums(String campaignId) {
        return jdbc.queryForList("SELECT unit_code, day, " + Measure.COLUMNS.replaceAll("([a-z_]+)", "sum($1) AS $1")
                + " FROM fact_change_hour WHERE campaign_id = ? GROUP BY unit_code, day ORDER BY unit_code, day",
                campaignId);
    }

    private List<Map<String, Object>> knownNowSums(String campaignId) {
        return jdbc.queryForList("SELECT unit_code, day, " + Measure.COLUMNS.replaceAll("([a-z_]+)", "sum($1) AS $1")
                + " FROM unit_day_delta WHERE campaign_id = ? GROUP BY unit_code, day ORDER BY unit_code, day",
                campaignId);
    }
}
