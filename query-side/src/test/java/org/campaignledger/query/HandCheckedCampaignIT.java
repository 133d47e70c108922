package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignledger.api.training.ParticipantRole.CIVIL_SERVANT;
import static org.campaignledger.api.training.ParticipantRole.IT_OFFICER;
import static org.campaignledger.api.training.ParticipantRole.OFFICIAL;
import static org.campaignledger.api.training.ParticipantRole.PUBLIC_EMPLOYEE;
import static org.campaignledger.api.training.ParticipantRole.TEAM_MEMBER;
import static org.campaignledger.api.unit.ConnectivityTechnology.FIVE_G;
import static org.campaignledger.api.unit.ConnectivityTechnology.FIXED_BROADBAND;
import static org.campaignledger.api.unit.Employment.CONTRACTED;
import static org.campaignledger.api.unit.Employment.STAFF;
import static org.campaignledger.query.Facts.IHANOI;
import static org.campaignledger.query.Facts.ONETOUCH;
import static org.campaignledger.query.Facts.PORTAL;
import static org.campaignledger.query.Facts.PRACTICAL;
import static org.campaignledger.query.Facts.day;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.ComparisonView;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignledger.api.query.EvaluationView;
import org.campaignledger.api.query.FindEvaluationQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.FindTimelineQuery;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TargetProgressView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitDetailView;
import org.campaignledger.api.query.UnitRankingView;
import org.campaignledger.api.support.PriorityGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A campaign small enough to count by hand: units A, B and C, 18 participants, 2 support points (B's
 * closes on day 12), B's only IT officer released on day 10, late reports. Every expected number below was
 * worked out on paper from the facts in {@link #recordTheCampaign()}, day by day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandCheckedCampaignIT extends QuerySideIT {

    @Autowired
    private QueryGateway queries;

    private final Facts f = new Facts();
    private EventLog log;
    /** Between the first reports and the late ones (A-s4's day-12 completion, B's day-15 team). */
    private Instant beforeLateReports;
    private Instant closedAt;

    @BeforeAll
    void recordTheCampaign() {
        log = newLog();
        log.append(f.launch("A", "B", "C"));
        // unit A: one staff officer, 4 staff + 3 team members, a team, a rescue team, a support point
        log.append(
                f.assign("A", "oA1", STAFF, 2),
                f.enrol("A", "A-s1", OFFICIAL, null, 3), f.enrol("A", "A-s2", CIVIL_SERVANT, null, 3),
                f.enrol("A", "A-s3", PUBLIC_EMPLOYEE, null, 3), f.enrol("A", "A-s4", OFFICIAL, null, 3),
                f.complete("A", "A-s1", OFFICIAL, ONETOUCH, 5), f.complete("A", "A-s1", OFFICIAL, PRACTICAL, 8),
                f.complete("A", "A-s2", CIVIL_SERVANT, ONETOUCH, 6),
                f.complete("A", "A-s2", CIVIL_SERVANT, PRACTICAL, 10),
                f.complete("A", "A-s3", PUBLIC_EMPLOYEE, ONETOUCH, 7),
                f.complete("A", "A-s4", OFFICIAL, PRACTICAL, 9),
                f.communityTeam("A", "tA1", "G1", 5, 4),
                f.enrol("A", "A-t1", TEAM_MEMBER, "tA1", 4), f.enrol("A", "A-t2", TEAM_MEMBER, "tA1", 4),
                f.enrol("A", "A-t3", TEAM_MEMBER, "tA1", 4),
                f.complete("A", "A-t1", TEAM_MEMBER, PORTAL, 6), f.complete("A", "A-t1", TEAM_MEMBER, IHANOI, 9),
                f.complete("A", "A-t2", TEAM_MEMBER, PORTAL, 7),
                f.rescueTeam("A", "rA", 5),
                f.openPoint("A", "pA", 3),
                f.session("A", "pA", 4, 10, 2, 3, 1, 4),
                f.session("A", "pA", 10, 5, 0, 0, 0, 5),
                f.connectivity("A", FIXED_BROADBAND, 6),
                f.students("A", 10, 7),
                f.assessed("A", "G1", 3),
                f.practice("A", "digital-sunday", 20));
        // unit B: a contracted officer released on day 10, a point closed on day 12
        log.append(
                f.assign("B", "oB1", CONTRACTED, 3), f.release("B", "oB1", CONTRACTED, 10),
                f.enrol("B", "B-s1", OFFICIAL, null, 2), f.enrol("B", "B-s2", CIVIL_SERVANT, null, 2),
                f.complete("B", "B-s1", OFFICIAL, ONETOUCH, 4), f.complete("B", "B-s1", OFFICIAL, PRACTICAL, 4),
                f.enrol("B", "B-i1", IT_OFFICER, null, 3), f.complete("B", "B-i1", IT_OFFICER, ONETOUCH, 5),
                f.communityTeam("B", "tB1", "G2", 4, 6),
                f.enrol("B", "B-t1", TEAM_MEMBER, "tB1", 6), f.enrol("B", "B-t2", TEAM_MEMBER, "tB1", 6),
                f.complete("B", "B-t1", TEAM_MEMBER, PORTAL, 8), f.complete("B", "B-t1", TEAM_MEMBER, IHANOI, 8),
                f.complete("B", "B-t2", TEAM_MEMBER, PORTAL, 11), f.complete("B", "B-t2", TEAM_MEMBER, IHANOI, 14),
                f.openPoint("B", "pB", 5),
                f.session("B", "pB", 6, 8, 1, 2, 2, 2),
                f.closePoint("B", "pB", 12),
                f.connectivity("B", FIVE_G, 9),
                f.engineers("B", 3, 8),
                f.assessed("B", "G2", 4));
        // unit C: two officers, all staff trained by day 20 (a late-dated completion), no support point
        log.append(
                f.assign("C", "oC1", STAFF, 1), f.assign("C", "oC2", CONTRACTED, 5),
                f.enrol("C", "C-s1", PUBLIC_EMPLOYEE, null, 1), f.enrol("C", "C-s2", PUBLIC_EMPLOYEE, null, 1),
                f.enrol("C", "C-s3", PUBLIC_EMPLOYEE, null, 1),
                f.complete("C", "C-s1", PUBLIC_EMPLOYEE, ONETOUCH, 2),
                f.complete("C", "C-s1", PUBLIC_EMPLOYEE, PRACTICAL, 3),
                f.complete("C", "C-s2", PUBLIC_EMPLOYEE, ONETOUCH, 2),
                f.complete("C", "C-s2", PUBLIC_EMPLOYEE, PRACTICAL, 3),
                f.complete("C", "C-s3", PUBLIC_EMPLOYEE, ONETOUCH, 2),
                f.complete("C", "C-s3", PUBLIC_EMPLOYEE, PRACTICAL, 20),
                f.communityTeam("C", "tC1", "G4", 3, 2),
                f.enrol("C", "C-t1", TEAM_MEMBER, "tC1", 2), f.enrol("C", "C-t2", TEAM_MEMBER, "tC1", 2),
                f.enrol("C", "C-t3", TEAM_MEMBER, "tC1", 2),
                f.complete("C", "C-t1", TEAM_MEMBER, PORTAL, 3), f.complete("C", "C-t1", TEAM_MEMBER, IHANOI, 3),
                f.complete("C", "C-t2", TEAM_MEMBER, PORTAL, 4), f.complete("C", "C-t2", TEAM_MEMBER, IHANOI, 5),
                f.rescueTeam("C", "rC", 2),
                f.assessed("C", "G4", 5));
        awaitProjections();
        beforeLateReports = databaseNow();
        // late reports: a completion of day 12 and a team formed on day 15, both recorded after the instant above
        log.append(f.complete("A", "A-s4", OFFICIAL, ONETOUCH, 12));
        log.append(f.communityTeam("B", "tB2", "G3", 6, 15));
        log.append(f.close(45));
        awaitProjections();
        closedAt = jdbc.queryForObject("SELECT closed_recorded_at FROM campaign_view WHERE campaign_id = ?",
                java.time.OffsetDateTime.class, f.id()).toInstant();
        // reported after the close: a residential group assessed on day 40
        log.append(f.assessed("B", "G5", 40));
        awaitProjections();
    }

    @Test
    void timelineHasOneRowPerCampaignDayWithEveryCityWideMetric() {
        TimelineView timeline = get("/timeline", TimelineView.class);

        assertThat(timeline.days()).hasSize(45);
        assertThat(timeline.days().get(0).date()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(timeline.days().get(44).date()).isEqualTo(LocalDate.of(2025, 9, 14));

        MetricsView day1 = timeline.days().get(0).metrics();
        assertThat(day1.unitsWithItOfficer()).isEqualTo(1);              // C's staff officer
        assertThat(day1.itOfficerCoveragePercent()).isEqualByComparingTo("33.3");
        assertThat(day1.staffEnrolled()).isEqualTo(3);                   // C's three
        assertThat(day1.staffTrained()).isZero();

        MetricsView day15 = timeline.days().get(14).metrics();
        assertThat(day15.itOfficersStaff()).isEqualTo(2);                // oA1, oC1
        assertThat(day15.itOfficersContracted()).isEqualTo(1);           // oC2 (oB1 released day 10)
        assertThat(day15.unitsWithItOfficer()).isEqualTo(2);
        assertThat(day15.itOfficerCoveragePercent()).isEqualByComparingTo("66.7");
        assertThat(day15.staffEnrolled()).isEqualTo(9);
        assertThat(day15.staffTrained()).isEqualTo(6);                   // A-s1, A-s2, A-s4 (late), B-s1, C-s1, C-s2
        assertThat(day15.staffTrainedPercent()).isEqualByComparingTo("66.7");
        assertThat(day15.teamMembersEnrolled()).isEqualTo(8);
        assertThat(day15.teamMembersTrained()).isEqualTo(5);             // A-t1, B-t1, B-t2, C-t1, C-t2
        assertThat(day15.teamMembersTrainedPercent()).isEqualByComparingTo("62.5");
        assertThat(day15.itOfficerParticipantsEnrolled()).isEqualTo(1);
        assertThat(day15.itOfficerParticipantsTrained()).isEqualTo(1);
        assertThat(day15.communityTeams()).isEqualTo(4);
        assertThat(day15.communityTeamMembers()).isEqualTo(18);          // 5 + 4 + 6 + 3
        assertThat(day15.rescueTeams()).isEqualTo(2);
        assertThat(day15.rescueTeamCoveragePercent()).isEqualByComparingTo("66.7");
        assertThat(day15.supportPointsOpen()).isEqualTo(1);              // pB closed on day 12
        assertThat(day15.supportPointCoveragePercent()).isEqualByComparingTo("33.3");
        assertThat(day15.supportSessions()).isEqualTo(3);
        assertThat(day15.peopleServed()).isEqualTo(Map.of(PriorityGroup.ELDERLY, 23L, PriorityGroup.DISABLED, 3L,
                PriorityGroup.POOR_HOUSEHOLD, 5L, PriorityGroup.NEAR_POOR_HOUSEHOLD, 3L, PriorityGroup.OTHER, 11L));
        assertThat(day15.peopleServedTotal()).isEqualTo(45);
        assertThat(day15.connectivityFixedBroadband()).isEqualTo(1);
        assertThat(day15.connectivityFiveG()).isEqualTo(1);
        assertThat(day15.studentVolunteers()).isEqualTo(10);
        assertThat(day15.telecomEngineers()).isEqualTo(3);
        assertThat(day15.residentialGroupsAssessed()).isEqualTo(3);
        assertThat(day15.modelPractices()).isZero();

        assertThat(targets(timeline.days().get(14).targets())).containsEntry(TargetMetric.PEOPLE_SERVED,
                "45 45.0 false").containsEntry(TargetMetric.COMMUNITY_TEAMS_FORMED, "4 100.0 true")
                .containsEntry(TargetMetric.VOLUNTEERS_MOBILISED, "13 65.0 false")
                .containsEntry(TargetMetric.IT_OFFICER_COVERAGE, "66.7 66.7 false");

        MetricsView day45 = timeline.days().get(44).metrics();
        assertThat(day45.staffTrained()).isEqualTo(7);                   // + C-s3 on day 20
        assertThat(day45.staffTrainedPercent()).isEqualByComparingTo("77.8");
        assertThat(day45.residentialGroupsAssessed()).isEqualTo(4);      // + B's day-40 report after closing
        assertThat(day45.modelPractices()).isEqualTo(1);
    }

    @Test
    void unitTimelineGoesDownWhenTheOfficerIsReleasedAndThePointCloses() {
        TimelineView b = get("/timeline?unit=B", TimelineView.class);

        assertThat(b.days()).extracting(day -> day.metrics().itOfficersContracted())
                .containsExactly(0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L,
                        0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
                        0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(b.days().get(8).metrics().itOfficerCoveragePercent()).isEqualByComparingTo("100.0");
        assertThat(b.days().get(9).metrics().itOfficerCoveragePercent()).isEqualByComparingTo("0.0");
        assertThat(b.days()).extracting(day -> day.metrics().supportPointsOpen()).startsWith(
                0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(b.days()).extracting(day -> day.metrics().teamMembersTrained()).startsWith(
                0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 2L);
        assertThat(b.days().get(39).metrics().residentialGroupsAssessed()).isEqualTo(2);
        // per-unit timelines carry only the per-unit targets
        assertThat(b.days().get(0).targets()).extracting(TargetProgressView::metric).containsExactly(
                TargetMetric.IT_OFFICER_COVERAGE, TargetMetric.OFFICIALS_TRAINED, TargetMetric.TEAM_MEMBERS_TRAINED,
                TargetMetric.RESCUE_TEAM_COVERAGE, TargetMetric.SUPPORT_POINT_COVERAGE);
    }

    @Test
    void aCompletionReportedLateCountsOnItsBusinessDayButNotAsKnownBeforeItWasRecorded() {
        MetricsView knownNow = get("/timeline", TimelineView.class).days().get(14).metrics();
        MetricsView knownThen = get("/timeline?asKnownAt=" + beforeLateReports, TimelineView.class)
                .days().get(14).metrics();

        assertThat(knownNow.staffTrained()).isEqualTo(6);
        assertThat(knownThen.staffTrained()).isEqualTo(5);               // A-s4's day-12 completion not known yet
        assertThat(knownThen.staffTrainedPercent()).isEqualByComparingTo("55.6");
        assertThat(knownNow.communityTeams()).isEqualTo(4);
        assertThat(knownThen.communityTeams()).isEqualTo(3);
        assertThat(knownThen.communityTeamMembers()).isEqualTo(12);

        TimelineView unitAThen = get("/timeline?unit=A&asKnownAt=" + beforeLateReports, TimelineView.class);
        TimelineView unitANow = get("/timeline?unit=A", TimelineView.class);
        assertThat(unitAThen.days().get(11).metrics().staffTrained()).isEqualTo(2);
        assertThat(unitANow.days().get(11).metrics().staffTrained()).isEqualTo(3);
        assertThat(unitANow.days().get(10).metrics().staffTrained()).isEqualTo(2);   // day 11: not yet
    }

    @Test
    void summaryTellsTargetsMetCityWideAndPerUnitWithLaggingUnitsWorstFirst() {
        SummaryView summary = get("/summary", SummaryView.class);

        assertThat(summary.asOf()).isEqualTo(LocalDate.of(2025, 9, 14));
        assertThat(summary.closed()).isTrue();
        assertThat(targets(summary.targets())).containsExactlyInAnyOrderEntriesOf(Map.of(
                TargetMetric.IT_OFFICER_COVERAGE, "66.7 66.7 false",
                TargetMetric.OFFICIALS_TRAINED, "77.8 77.8 false",
                TargetMetric.TEAM_MEMBERS_TRAINED, "62.5 62.5 false",
                TargetMetric.RESCUE_TEAM_COVERAGE, "66.7 66.7 false",
                TargetMetric.SUPPORT_POINT_COVERAGE, "33.3 33.3 false",
                TargetMetric.COMMUNITY_TEAMS_FORMED, "4 100.0 true",
                TargetMetric.PEOPLE_SERVED, "45 45.0 false",
                TargetMetric.CONNECTIVITY_UPGRADES, "2 100.0 true",
                TargetMetric.VOLUNTEERS_MOBILISED, "13 65.0 false",
                TargetMetric.RESIDENTIAL_GROUPS_ASSESSED, "4 133.3 true"));
        assertThat(summary.allTargetsMet()).isFalse();

        SummaryView.UnitResult a = unit(summary, "A");
        assertThat(targets(a.targets())).containsExactlyInAnyOrderEntriesOf(Map.of(
                TargetMetric.IT_OFFICER_COVERAGE, "100.0 100.0 true",
                TargetMetric.OFFICIALS_TRAINED, "75.0 75.0 false",
                TargetMetric.TEAM_MEMBERS_TRAINED, "33.3 33.3 false",
                TargetMetric.RESCUE_TEAM_COVERAGE, "100.0 100.0 true",
                TargetMetric.SUPPORT_POINT_COVERAGE, "100.0 100.0 true"));
        assertThat(a.score()).isEqualByComparingTo("81.7");              // (100 + 75 + 33.3 + 100 + 100) / 5
        assertThat(unit(summary, "B").score()).isEqualByComparingTo("30.0");   // (0 + 50 + 100 + 0 + 0) / 5
        assertThat(unit(summary, "C").score()).isEqualByComparingTo("73.3");   // (100 + 100 + 66.7 + 100 + 0) / 5
        assertThat(targets(unit(summary, "C").targets())).containsEntry(TargetMetric.SUPPORT_POINT_COVERAGE,
                "0.0 0.0 false").containsEntry(TargetMetric.OFFICIALS_TRAINED, "100.0 100.0 true");
        assertThat(summary.laggingUnits()).extracting(unit -> unit.unitCode().value()).containsExactly("B", "C", "A");
        assertThat(summary.modelPractices()).singleElement().satisfies(practice -> {
            assertThat(practice.unitCode().value()).isEqualTo("A");
            assertThat(practice.practiceId().value()).isEqualTo("digital-sunday");
            assertThat(practice.nominatedOn()).isEqualTo(day(20));
        });
    }

    @Test
    void summaryAtClosingIsTheOneKnownWhenTheCampaignClosed() {
        SummaryView atClosing = get("/summary?at=closing", SummaryView.class);
        SummaryView replayed = get("/summary?asKnownAt=" + closedAt, SummaryView.class);

        assertThat(atClosing.atClosing()).isTrue();
        assertThat(atClosing.asKnownAt()).isEqualTo(closedAt);
        assertThat(targets(atClosing.targets())).containsEntry(TargetMetric.RESIDENTIAL_GROUPS_ASSESSED,
                "3 100.0 true").containsEntry(TargetMetric.OFFICIALS_TRAINED, "77.8 77.8 false");
        assertThat(atClosing.cityWide().residentialGroupsAssessed()).isEqualTo(3);
        assertThat(replayed.cityWide()).isEqualTo(atClosing.cityWide());
        assertThat(replayed.units()).isEqualTo(atClosing.units());
        assertThat(get("/summary", SummaryView.class).cityWide().residentialGroupsAssessed()).isEqualTo(4);
    }

    @Test
    void comparisonPutsTwoDatesSideBySideSortedByTheChosenMetric() {
        ComparisonView comparison = get("/compare?from=5&to=2025-08-15&sort=teamMembersTrained",
                ComparisonView.class);

        assertThat(comparison.fromDay()).isEqualTo(5);
        assertThat(comparison.toDay()).isEqualTo(15);
        Map<String, String> city = deltas(comparison.cityWide());
        assertThat(city).containsEntry("staffTrained", "3 6 3")          // A-s1.., B-s1, C-s1, C-s2 by day 5: 3
                .containsEntry("staffEnrolled", "9 9 0")
                .containsEntry("teamMembersTrained", "2 5 3")
                .containsEntry("itOfficersContracted", "2 1 -1")
                .containsEntry("unitsWithItOfficer", "3 2 -1")
                .containsEntry("itOfficerCoveragePercent", "100.0 66.7 -33.3")
                .containsEntry("supportPointsOpen", "2 1 -1")
                .containsEntry("communityTeams", "2 4 2")
                .containsEntry("peopleServed.ELDERLY", "10 23 13")
                .containsEntry("peopleServedTotal", "20 45 25");
        assertThat(comparison.units()).extracting(unit -> unit.unitCode().value()).containsExactly("B", "A", "C");
        assertThat(deltas(comparison.units().get(0).metrics())).containsEntry("teamMembersTrained", "0 2 2")
                .containsEntry("itOfficersContracted", "1 0 -1");

        ComparisonView knownThen = get("/compare?from=5&to=15&asKnownAt=" + beforeLateReports,
                ComparisonView.class);
        assertThat(deltas(knownThen.cityWide())).containsEntry("staffTrained", "3 5 2")
                .containsEntry("communityTeams", "2 3 1");
    }

    @Test
    void rankingPutsTheBestUnitFirst() {
        UnitRankingView ranking = get("/units?asOf=45", UnitRankingView.class);

        assertThat(ranking.units()).extracting(unit -> unit.rank() + " " + unit.unitCode().value() + " "
                + unit.score()).containsExactly("1 A 81.7", "2 C 73.3", "3 B 30.0");
    }

    @Test
    void unitDetailListsOfficersTeamsAndSupportPoints() {
        UnitDetailView b = get("/units/B", UnitDetailView.class);

        assertThat(b.name()).isEqualTo("Unit B");
        assertThat(b.itOfficers()).singleElement().satisfies(officer -> {
            assertThat(officer.assignedOn()).isEqualTo(day(3));
            assertThat(officer.releasedOn()).isEqualTo(day(10));
        });
        assertThat(b.teams()).extracting(team -> team.teamId().value() + " " + team.memberCount() + " "
                + team.formedOn()).containsExactly("tB1 4 2025-08-06", "tB2 6 2025-08-15");
        assertThat(b.supportPoints()).singleElement().satisfies(point -> {
            assertThat(point.closedOn()).isEqualTo(day(12));
            assertThat(point.sessions()).isEqualTo(1);
            assertThat(point.peopleServedTotal()).isEqualTo(15);
            assertThat(point.peopleServed()).containsEntry(PriorityGroup.ELDERLY, 8L);
        });
        UnitDetailView a = get("/units/A", UnitDetailView.class);
        assertThat(a.supportPoints()).singleElement().satisfies(point -> {
            assertThat(point.closedOn()).isNull();
            assertThat(point.sessions()).isEqualTo(2);
            assertThat(point.peopleServedTotal()).isEqualTo(30);
        });
        assertThat(a.teams()).extracting(team -> team.kind().name()).containsExactly("COMMUNITY_DIGITAL",
                "TECH_RESCUE");
        assertThat(a.modelPractices()).hasSize(1);
    }

    @Test
    void evaluationListsEachParticipantsRequiredCoursesDoneAndMissing() {
        EvaluationView evaluation = get("/evaluation?unit=A", EvaluationView.class);

        assertThat(evaluation.participants()).extracting(p -> p.participantId().value().substring(f.id().length() + 1)
                + " " + p.trained() + " " + p.trainedOn() + " done=" + p.done().stream()
                .map(c -> c.course().value() + "@" + c.completedOn().getDayOfMonth()).toList()
                + " missing=" + p.missing().stream().map(c -> c.value()).toList()).containsExactly(
                "A-s1 true 2025-08-08 done=[ONETOUCH_DIGITAL_SKILLS@5, PRACTICAL_TRAINING@8] missing=[]",
                "A-s2 true 2025-08-10 done=[ONETOUCH_DIGITAL_SKILLS@6, PRACTICAL_TRAINING@10] missing=[]",
                "A-s3 false null done=[ONETOUCH_DIGITAL_SKILLS@7] missing=[PRACTICAL_TRAINING]",
                "A-s4 true 2025-08-12 done=[ONETOUCH_DIGITAL_SKILLS@12, PRACTICAL_TRAINING@9] missing=[]",
                "A-t1 true 2025-08-09 done=[NATIONAL_PUBLIC_SERVICE_PORTAL@6, IHANOI@9] missing=[]",
                "A-t2 false null done=[NATIONAL_PUBLIC_SERVICE_PORTAL@7] missing=[IHANOI]",
                "A-t3 false null done=[] missing=[NATIONAL_PUBLIC_SERVICE_PORTAL, IHANOI]");
    }

    @Test
    void campaignListShowsTheCampaignClosedWithTodaysCampaignDay() {
        ResponseEntity<CampaignView[]> response = http.getForEntity("/api/campaigns", CampaignView[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        CampaignView campaign = List.of(response.getBody()).stream()
                .filter(view -> view.campaignId().equals(f.campaignId)).findFirst().orElseThrow();
        assertThat(campaign.status()).isEqualTo(CampaignView.Status.CLOSED);
        assertThat(campaign.closedOn()).isEqualTo(day(45));
        assertThat(campaign.endDate()).isEqualTo(LocalDate.of(2025, 9, 14));
        assertThat(campaign.closedRecordedAt()).isEqualTo(closedAt);
        assertThat(campaign.dayOfCampaignToday()).isEqualTo(
                ChronoUnit.DAYS.between(Facts.START, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))) + 1);
    }

    @Test
    void theSameAnswersComeOverAxonsQueryBus() {
        SummaryView overHttp = get("/summary?asKnownAt=" + beforeLateReports, SummaryView.class);
        SummaryView overBus = queries.query(new FindSummaryQuery(f.campaignId, null, beforeLateReports, false),
                SummaryView.class).join();
        EvaluationView evaluation = queries.query(new FindEvaluationQuery(f.campaignId,
                new org.campaignledger.api.unit.UnitCode("B")), EvaluationView.class).join();

        assertThat(overBus).isEqualTo(overHttp);
        assertThat(evaluation.participants()).hasSize(5);
        assertThat(queries.query(new FindTimelineQuery(f.campaignId, null, null), TimelineView.class).join()
                .days().get(14).metrics().staffTrained()).isEqualTo(6);
    }

    @Test
    void aQuestionAskedAgainGetsTheSameAnswerUntilANewFactMovesTheCampaign() {
        Facts g = new Facts();
        log.append(g.launch("A", "B"));
        log.append(g.communityTeam("A", "tA1", "G1", 5, 4));
        awaitProjections();
        Instant beforeTheSecondTeam = databaseNow();
        String path = "/api/campaigns/" + g.id();
        List<String> questions = List.of("/timeline", "/timeline?unit=A", "/summary", "/compare?from=1&to=45",
                "/compare?from=1&to=45&sort=communityTeams", "/units?asOf=45");
        String asKnownAt = "/summary?asKnownAt=" + beforeTheSecondTeam;
        Map<String, String> first = new java.util.HashMap<>();
        for (String question : questions) {
            String answer = http.getForObject(path + question, String.class);
            // asked again: the view and its JSON come from the caches, the same bytes
            assertThat(http.getForObject(path + question, String.class)).as(question).isEqualTo(answer);
            first.put(question, answer);
        }
        String pastAnswer = http.getForObject(path + asKnownAt, String.class);
        // what the cache sends reads back into the very view the query bus answers
        assertThat(http.getForObject(path + "/timeline", TimelineView.class)).isEqualTo(queries.query(
                new FindTimelineQuery(g.campaignId, null, null), TimelineView.class).join());

        log.append(g.communityTeam("A", "tA2", "G2", 7, 4));
        awaitProjections();

        for (String question : questions) {
            assertThat(http.getForObject(path + question, String.class)).as(question).isNotEqualTo(first.get(question));
        }
        TimelineView now = http.getForObject(path + "/timeline", TimelineView.class);
        assertThat(now.days().get(44).metrics().communityTeams()).isEqualTo(2);
        // the past as known before the second team does not move with it
        assertThat(http.getForObject(path + asKnownAt, String.class)).isEqualTo(pastAnswer);
        assertThat(http.getForObject(path + asKnownAt, SummaryView.class).cityWide().communityTeams()).isEqualTo(1);
    }

    private <T> T get(String path, Class<T> type) {
        ResponseEntity<T> response = http.getForEntity("/api/campaigns/" + f.id() + path, type);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static SummaryView.UnitResult unit(SummaryView summary, String code) {
        return summary.units().stream().filter(unit -> unit.unitCode().value().equals(code)).findFirst().orElseThrow();
    }

    /** Each target as "value percentOfGoal met", e.g. "45 45.0 false". */
    private static Map<TargetMetric, String> targets(List<TargetProgressView> targets) {
        return targets.stream().collect(Collectors.toMap(TargetProgressView::metric,
                t -> t.value().toPlainString() + " " + t.percentOfGoal().toPlainString() + " " + t.met()));
    }

    /** Each metric as "from to delta". */
    private static Map<String, String> deltas(List<ComparisonView.Delta> deltas) {
        return deltas.stream().collect(Collectors.toMap(ComparisonView.Delta::metric,
                d -> plain(d.from()) + " " + plain(d.to()) + " " + plain(d.delta())));
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
