package org.campaignledger.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.api.training.CourseCompletedEvent;
import org.campaignledger.api.training.ParticipantEnrolledEvent;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ConnectivityTechnology;
import org.campaignledger.api.unit.ConnectivityUpgradedEvent;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.NeedLevel;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.ResidentialGroupAssessedEvent;
import org.campaignledger.api.unit.StudentVolunteersMobilisedEvent;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.TechRescueTeamFormedEvent;
import org.campaignledger.api.unit.TelecomEngineersDeployedEvent;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.query.EventLog.Fact;

/**
 * The events of one test campaign, by campaign day. Every id is prefixed with a fresh campaign id, so
 * tests never see each other's data, nor data left by earlier runs.
 */
final class Facts {

    static final LocalDate START = LocalDate.of(2025, 8, 1);
    static final String ONETOUCH = "ONETOUCH_DIGITAL_SKILLS";
    static final String PRACTICAL = "PRACTICAL_TRAINING";
    static final String PORTAL = "NATIONAL_PUBLIC_SERVICE_PORTAL";
    static final String IHANOI = "IHANOI";

    final CampaignId campaignId = new CampaignId("it-" + UUID.randomUUID().toString().substring(0, 13));

    String id() {
        return campaignId.value();
    }

    static LocalDate day(int day) {
        return START.plusDays(day - 1L);
    }

    /** 45 days from 1 August 2025, every target of DOMAIN.md, two courses required per role (one for IT officers). */
    Fact launch(String... unitCodes) {
        List<UnitDefinition> units = java.util.Arrays.stream(unitCodes)
                .map(code -> new UnitDefinition(new UnitCode(code), "Unit " + code, UnitKind.WARD, 10_000L, 105.8,
                        21.0))
                .toList();
        List<Target> targets = List.of(
                new Target(TargetMetric.IT_OFFICER_COVERAGE, new BigDecimal("100")),
                new Target(TargetMetric.OFFICIALS_TRAINED, new BigDecimal("100")),
                new Target(TargetMetric.TEAM_MEMBERS_TRAINED, new BigDecimal("100")),
                new Target(TargetMetric.RESCUE_TEAM_COVERAGE, new BigDecimal("100")),
                new Target(TargetMetric.SUPPORT_POINT_COVERAGE, new BigDecimal("100")),
                new Target(TargetMetric.COMMUNITY_TEAMS_FORMED, new BigDecimal("4")),
                new Target(TargetMetric.PEOPLE_SERVED, new BigDecimal("100")),
                new Target(TargetMetric.CONNECTIVITY_UPGRADES, new BigDecimal("2")),
                new Target(TargetMetric.VOLUNTEERS_MOBILISED, new BigDecimal("20")),
                new Target(TargetMetric.RESIDENTIAL_GROUPS_ASSESSED, new BigDecimal("3")));
        Map<ParticipantRole, List<CourseCode>> required = new EnumMap<>(ParticipantRole.class);
        for (ParticipantRole role : List.of(ParticipantRole.OFFICIAL, ParticipantRole.CIVIL_SERVANT,
                ParticipantRole.PUBLIC_EMPLOYEE)) {
            required.put(role, List.of(new CourseCode(ONETOUCH), new CourseCode(PRACTICAL)));
        }
        required.put(ParticipantRole.TEAM_MEMBER, List.of(new CourseCode(PORTAL), new CourseCode(IHANOI)));
        required.put(ParticipantRole.IT_OFFICER, List.of(new CourseCode(ONETOUCH)));
        return new Fact("Campaign", id(), new CampaignLaunchedEvent(campaignId, "Campaign " + id(), "11/CT-UBND",
                START, 45, "Asia/Ho_Chi_Minh", targets,
                List.of(new CourseCode(ONETOUCH), new CourseCode(PRACTICAL), new CourseCode(PORTAL),
                        new CourseCode(IHANOI)), required, units));
    }

    Fact close(int day) {
        return new Fact("Campaign", id(), new CampaignClosedEvent(campaignId, day(day)));
    }

    Fact assign(String unit, String officer, Employment employment, int day) {
        return unitFact(unit, new ITOfficerAssignedEvent(campaignId, new UnitCode(unit), new OfficerId(officer),
                employment, day(day)));
    }

    Fact release(String unit, String officer, Employment employment, int day) {
        return unitFact(unit, new ITOfficerReleasedEvent(campaignId, new UnitCode(unit), new OfficerId(officer),
                employment, day(day)));
    }

    Fact enrol(String unit, String participant, ParticipantRole role, String team, int day) {
        return new Fact("Participant", participantId(participant), new ParticipantEnrolledEvent(
                new ParticipantId(participantId(participant)), campaignId, new UnitCode(unit), role,
                team == null ? null : new TeamId(team), day(day)));
    }

    Fact complete(String unit, String participant, ParticipantRole role, String course, int day) {
        return new Fact("Participant", participantId(participant), new CourseCompletedEvent(
                new ParticipantId(participantId(participant)), campaignId, new UnitCode(unit), role,
                new CourseCode(course), day(day)));
    }

    Fact communityTeam(String unit, String team, String group, int members, int day) {
        return unitFact(unit, new CommunityDigitalTeamFormedEvent(campaignId, new UnitCode(unit), new TeamId(team),
                group, members, day(day)));
    }

    Fact rescueTeam(String unit, String team, int day) {
        return unitFact(unit, new TechRescueTeamFormedEvent(campaignId, new UnitCode(unit), new TeamId(team), 5,
                day(day)));
    }

    Fact openPoint(String unit, String point, int day) {
        return new Fact("SupportPoint", pointId(point), new SupportPointOpenedEvent(new SupportPointId(pointId(point)),
                campaignId, new UnitCode(unit), "Cultural house " + point, day(day)));
    }

    Fact session(String unit, String point, int day, int elderly, int disabled, int poor, int nearPoor, int other) {
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        served.put(PriorityGroup.ELDERLY, elderly);
        served.put(PriorityGroup.DISABLED, disabled);
        served.put(PriorityGroup.POOR_HOUSEHOLD, poor);
        served.put(PriorityGroup.NEAR_POOR_HOUSEHOLD, nearPoor);
        served.put(PriorityGroup.OTHER, other);
        return new Fact("SupportPoint", pointId(point), new SupportSessionRecordedEvent(
                new SupportPointId(pointId(point)), campaignId, new UnitCode(unit), served, List.of("VNeID"),
                day(day)));
    }

    Fact closePoint(String unit, String point, int day) {
        return new Fact("SupportPoint", pointId(point), new SupportPointClosedEvent(new SupportPointId(pointId(point)),
                campaignId, new UnitCode(unit), day(day)));
    }

    Fact connectivity(String unit, ConnectivityTechnology technology, int day) {
        return unitFact(unit, new ConnectivityUpgradedEvent(campaignId, new UnitCode(unit), "Ward office",
                technology, day(day)));
    }

    Fact students(String unit, int count, int day) {
        return unitFact(unit, new StudentVolunteersMobilisedEvent(campaignId, new UnitCode(unit), "HUST", count,
                day(day), day(day + 10), day(day)));
    }

    Fact engineers(String unit, int count, int day) {
        return unitFact(unit, new TelecomEngineersDeployedEvent(campaignId, new UnitCode(unit), "VNPT", count,
                day(day)));
    }

    Fact assessed(String unit, String group, int day) {
        return unitFact(unit, new ResidentialGroupAssessedEvent(campaignId, new UnitCode(unit), group, NeedLevel.HIGH,
                day(day)));
    }

    Fact practice(String unit, String practice, int day) {
        return unitFact(unit, new ModelPracticeNominatedEvent(campaignId, new UnitCode(unit), new PracticeId(practice),
                "Digital Sunday", "Weekend support at the market", day(day)));
    }

    /** A few facts of every kind over units A and B, in four transactions' worth: touches every read model. */
    List<List<Fact>> sample() {
        return List.of(
                List.of(launch("A", "B")),
                List.of(assign("A", "oA1", Employment.STAFF, 1), assign("B", "oB1", Employment.CONTRACTED, 2),
                        release("B", "oB1", Employment.CONTRACTED, 6),
                        enrol("A", "s1", ParticipantRole.OFFICIAL, null, 1),
                        enrol("B", "t1", ParticipantRole.TEAM_MEMBER, "tB", 3),
                        communityTeam("B", "tB", "G1", 8, 3), rescueTeam("A", "rA", 2)),
                List.of(complete("A", "s1", ParticipantRole.OFFICIAL, ONETOUCH, 4),
                        complete("B", "t1", ParticipantRole.TEAM_MEMBER, PORTAL, 5),
                        openPoint("A", "pA", 2), session("A", "pA", 3, 4, 1, 1, 0, 2),
                        connectivity("A", ConnectivityTechnology.FIVE_G, 4), students("B", 6, 5),
                        engineers("A", 2, 5), assessed("B", "G1", 2)),
                List.of(complete("A", "s1", ParticipantRole.OFFICIAL, PRACTICAL, 7), closePoint("A", "pA", 8),
                        practice("B", "market-day", 9), close(45)));
    }

    String participantId(String participant) {
        return id() + "-" + participant;
    }

    String pointId(String point) {
        return id() + "-" + point;
    }

    String unitAggregate(String unit) {
        return id() + "/" + unit;
    }

    private Fact unitFact(String unit, Object payload) {
        return new Fact("AdministrativeUnit", unitAggregate(unit), payload);
    }
}
