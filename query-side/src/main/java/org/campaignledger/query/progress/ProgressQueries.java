package org.campaignledger.query.progress;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.FindComparisonQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.FindTimelineQuery;
import org.campaignledger.api.query.FindUnitRankingQuery;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.ModelPracticeView;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TargetProgressView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitRankingView;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.web.ProblemException;
import org.campaignledger.query.web.QueryProblems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers the progress questions (timeline, summary, comparison, ranking) from the progress projection,
 * for the REST controllers and the query bus alike. Every figure is computed here, at query time, from
 * the running sums of at most units x days rows.
 */
@Service
public class ProgressQueries {

    private final CampaignDefinitions definitions;
    private final ProgressReader reader;
    private final JdbcTemplate jdbc;
    private final DerivedViews views = new DerivedViews();

    ProgressQueries(CampaignDefinitions definitions, ProgressReader reader, JdbcTemplate jdbc) {
        this.definitions = definitions;
        this.reader = reader;
        this.jdbc = jdbc;
    }

    public TimelineView timeline(FindTimelineQuery query) {
        CampaignDefinition definition = definition(query.campaignId());
        UnitCode unit = query.unitCode();
        if (unit != null && !definition.hasUnit(unit)) {
            throw QueryProblems.unitNotFound(definition.id(), unit.value());
        }
        Progress progress = reader.read(definition, query.asKnownAt());
        return views.of(progress, query, () -> {
            List<TimelineView.Day> days = IntStream.rangeClosed(1, definition.durationDays()).mapToObj(day -> {
                MetricsView metrics = unit == null ? Figures.metrics(progress.allUnitsAt(day))
                        : Figures.metrics(List.of(progress.at(unit.value(), day)));
                return new TimelineView.Day(day, definition.dateOf(day), metrics,
                        Figures.targets(definition.launched().targets(), metrics, unit != null));
            }).toList();
            return new TimelineView(query.campaignId(), unit, query.asKnownAt(), days);
        });
    }

    public SummaryView summary(FindSummaryQuery query) {
        CampaignDefinition definition = definition(query.campaignId());
        var closing = definitions.closing(definition.id());
        Instant asKnownAt = query.asKnownAt();
        if (query.atClosing()) {
            asKnownAt = closing.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "campaign-not-closed",
                    "Campaign not closed", "Campaign " + definition.id() + " has not been closed yet.")).recordedAt();
        }
        int day = query.asOf() == null ? definition.durationDays() : dayWithin(definition, "asOf", query.asOf());
        Progress progress = reader.read(definition, asKnownAt);
        Instant knownAt = asKnownAt;
        // the model practices come from another projection: part of the question, read every time
        List<ModelPracticeView> practices = modelPractices(definition, day, asKnownAt);
        return views.of(progress, List.of(query, day, closing.isPresent(), practices), () -> {
            MetricsView city = Figures.metrics(progress.allUnitsAt(day));
            List<TargetProgressView> targets = Figures.targets(definition.launched().targets(), city, false);
            List<SummaryView.UnitResult> units = definition.units().stream()
                    .map(unit -> unitResult(definition, progress, unit, day))
                    .toList();
            List<SummaryView.UnitResult> lagging = units.stream()
                    .filter(unit -> !unit.allTargetsMet())
                    .sorted(Comparator.comparing(SummaryView.UnitResult::score)
                            .thenComparing(unit -> unit.unitCode().value()))
                    .toList();
            return new SummaryView(query.campaignId(), definition.dateOf(day), day, knownAt, query.atClosing(),
                    closing.isPresent(), city, targets, targets.stream().allMatch(TargetProgressView::met), units,
                    lagging, practices);
        });
    }

    public ComparisonView compare(FindComparisonQuery query) {
        CampaignDefinition definition = definition(query.campaignId());
        int from = dayWithin(definition, "from", query.from());
        int to = dayWithin(definition, "to", query.to());
        Progress progress = reader.read(definition, query.asKnownAt());
        String sort = query.sort();
        if (sort != null && !MetricCatalog.names(Figures.metrics(List.of())).contains(sort)) {
            throw QueryProblems.invalidParameter("sort", sort, "a metric name such as staffTrained");
        }
        return views.of(progress, query, () -> {
            List<ComparisonView.Delta> city = deltas(Figures.metrics(progress.allUnitsAt(from)),
                    Figures.metrics(progress.allUnitsAt(to)));
            List<ComparisonView.UnitDeltas> units = new ArrayList<>(definition.units().stream()
                    .map(unit -> new ComparisonView.UnitDeltas(unit.code(), unit.name(),
                            deltas(Figures.metrics(List.of(progress.at(unit.code().value(), from))),
                                    Figures.metrics(List.of(progress.at(unit.code().value(), to))))))
                    .toList());
            Comparator<ComparisonView.UnitDeltas> byCode = Comparator.comparing(unit -> unit.unitCode().value());
            units.sort(sort == null ? byCode
                    : Comparator.comparing((ComparisonView.UnitDeltas unit) -> delta(unit, sort)).reversed()
                            .thenComparing(byCode));
            return new ComparisonView(query.campaignId(), definition.dateOf(from), from, definition.dateOf(to), to,
                    query.asKnownAt(), sort, city, List.copyOf(units));
        });
    }

    public UnitRankingView ranking(FindUnitRankingQuery query) {
        CampaignDefinition definition = definition(query.campaignId());
        int day = query.asOf() == null ? today(definition) : dayWithin(definition, "asOf", query.asOf());
        Progress progress = reader.read(definition, query.asKnownAt());
        return views.of(progress, List.of(query, day), () -> rank(definition, progress, query, day));
    }

    private UnitRankingView rank(CampaignDefinition definition, Progress progress, FindUnitRankingQuery query,
                                 int day) {
        List<SummaryView.UnitResult> results = definition.units().stream()
                .map(unit -> unitResult(definition, progress, unit, day))
                .sorted(Comparator.comparing(SummaryView.UnitResult::score).reversed()
                        .thenComparing(unit -> unit.unitCode().value()))
                .toList();
        List<UnitRankingView.RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SummaryView.UnitResult result = results.get(i);
            UnitDefinition unit = unit(definition, result.unitCode());
            ranked.add(new UnitRankingView.RankedUnit(i + 1, result.unitCode(), result.name(), unit.kind(),
                    result.score(), result.metrics(), result.targets(), unit.population(), unit.longitude(),
                    unit.latitude()));
        }
        return new UnitRankingView(query.campaignId(), definition.dateOf(day), day, ranked);
    }

    /** The campaign's definition of the unit; 404 problems for an unknown campaign or unit. */
    public UnitDefinition unitDefinition(CampaignId campaignId, UnitCode unitCode) {
        CampaignDefinition definition = definition(campaignId);
        return definition.units().stream().filter(unit -> unit.code().equals(unitCode)).findFirst()
                .orElseThrow(() -> QueryProblems.unitNotFound(campaignId.value(), unitCode.value()));
    }

    public Map<ParticipantRole, List<CourseCode>> requiredCourses(CampaignId campaignId) {
        Map<ParticipantRole, List<CourseCode>> required = definition(campaignId).launched().requiredCourses();
        return required == null ? Map.of() : required;
    }

    /** A business date ({@code 2025-08-05}) or a campaign day ({@code 12}) within the campaign, as a date. */
    public LocalDate resolveDate(CampaignId campaignId, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        CampaignDefinition definition = definition(campaignId);
        LocalDate date;
        if (value.matches("-?\\d{1,6}")) {
            int day = Integer.parseInt(value);
            if (day < 1 || day > definition.durationDays()) {
                throw QueryProblems.dateOutsideCampaign(name, value, 1, definition.durationDays());
            }
            date = definition.dateOf(day);
        } else {
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw QueryProblems.invalidParameter(name, value, "a date (YYYY-MM-DD) or a campaign day number");
            }
        }
        dayWithin(definition, name, date);
        return date;
    }

    private SummaryView.UnitResult unitResult(CampaignDefinition definition, Progress progress, UnitDefinition unit,
                                              int day) {
        MetricsView metrics = Figures.metrics(List.of(progress.at(unit.code().value(), day)));
        List<TargetProgressView> targets = Figures.targets(definition.launched().targets(), metrics, true);
        return new SummaryView.UnitResult(unit.code(), unit.name(), Figures.score(targets),
                targets.stream().allMatch(TargetProgressView::met), metrics, targets);
    }

    private List<ModelPracticeView> modelPractices(CampaignDefinition definition, int day, Instant asKnownAt) {
        return jdbc.query("SELECT unit_code, practice_id, title, description, nominated_on, recorded_at"
                        + " FROM model_practice_view WHERE campaign_id = ? AND nominated_on <= ?"
                        + " AND recorded_at <= ? ORDER BY nominated_on, unit_code, practice_id",
                (rs, n) -> new ModelPracticeView(new UnitCode(rs.getString(1)), new PracticeId(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, OffsetDateTime.class).toInstant()),
                definition.id(), CampaignDefinitions.sqlDate(definition.dateOf(day)),
                Timestamp.from(asKnownAt == null ? Instant.now().plusSeconds(86_400) : asKnownAt));
    }

    private static List<ComparisonView.Delta> deltas(MetricsView from, MetricsView to) {
        Map<String, BigDecimal> before = MetricCatalog.flatten(from);
        Map<String, BigDecimal> after = MetricCatalog.flatten(to);
        return after.entrySet().stream()
                .map(entry -> new ComparisonView.Delta(entry.getKey(), before.get(entry.getKey()), entry.getValue(),
                        entry.getValue().subtract(before.get(entry.getKey()))))
                .toList();
    }

    private static BigDecimal delta(ComparisonView.UnitDeltas unit, String metric) {
        return unit.metrics().stream().filter(d -> d.metric().equals(metric)).findFirst().orElseThrow().delta();
    }

    private static UnitDefinition unit(CampaignDefinition definition, UnitCode code) {
        return definition.units().stream().filter(unit -> unit.code().equals(code)).findFirst().orElseThrow();
    }

    private static int today(CampaignDefinition definition) {
        int day = definition.dayOf(LocalDate.now(ZoneId.of(definition.launched().timeZone())));
        return Math.max(1, Math.min(day, definition.durationDays()));
    }

    private static int dayWithin(CampaignDefinition definition, String name, LocalDate date) {
        if (date == null) {
            throw QueryProblems.invalidParameter(name, "", "a date (YYYY-MM-DD) or a campaign day number");
        }
        if (date.isBefore(definition.startDate()) || date.isAfter(definition.endDate())) {
            throw QueryProblems.dateOutsideCampaign(name, date.toString(), definition.startDate(),
                    definition.endDate());
        }
        return definition.dayOf(date);
    }

    private CampaignDefinition definition(CampaignId campaignId) {
        return definitions.find(campaignId.value())
                .orElseThrow(() -> QueryProblems.campaignNotFound(campaignId.value()));
    }
}
