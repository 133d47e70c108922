package org.campaignledger.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.simulator.tally.ExpectedFigures;
import org.campaignledger.simulator.tally.UnitFigures;
import org.junit.jupiter.api.Test;

class CampaignPlannerTest {

    private static final CampaignDefinition HANOI = CampaignDefinition.of(HanoiCampaignDefinition.launchCommand());
    private static final CampaignPlan SMALL = CampaignPlanner.plan(HANOI, PlanSettings.of(0.01, 42));

    @Test
    void sameSeedAndScaleGiveTheSameCommandsInTheSameOrder() {
        CampaignPlan again = CampaignPlanner.plan(HANOI, PlanSettings.of(0.01, 42));

        assertThat(serialized(again)).isEqualTo(serialized(SMALL));
    }

    @Test
    void anotherSeedGivesAnotherCampaign() {
        CampaignPlan other = CampaignPlanner.plan(HANOI, PlanSettings.of(0.01, 43));

        assertThat(serialized(other)).isNotEqualTo(serialized(SMALL));
    }

    @Test
    void idempotencyKeysAreUniqueAndNameSeedAndScale() {
        List<String> keys = SMALL.commands().stream().map(PlannedCommand::idempotencyKey).toList();

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.get(0)).isEqualTo("sim-42-0.01-0");
    }

    @Test
    void smallScaleHasPlausibleProportionsOfEachKindOfCommand() {
        Map<String, Integer> counts = SMALL.countByKind();

        // Hanoi ×0.01: ~150 staff plus ~1,000 team members and the units' own IT officers
        assertThat(counts.get("EnrolParticipantCommand")).isBetween(1_000, 1_700);
        // about three required courses per person, some unfinished
        assertThat(counts.get("CompleteCourseCommand") / (double) counts.get("EnrolParticipantCommand"))
                .isBetween(2.4, 3.0);
        assertThat(counts.get("FormCommunityDigitalTeamCommand")).isBetween(55, 110);
        // every unit but a lagging one runs at least one support point, each holding daily sessions
        assertThat(counts.get("OpenSupportPointCommand")).isBetween(115, 140);
        assertThat(counts.get("RecordSupportSessionCommand")).isBetween(8_000, 14_000);
        assertThat(counts.get("AssignITOfficerCommand")).isBetween(126, 175);
        assertThat(counts.get("FormTechRescueTeamCommand")).isBetween(120, 160);
        assertThat(counts).containsKeys("RecordConnectivityUpgradeCommand", "AssessResidentialGroupCommand",
                "MobiliseStudentVolunteersCommand", "DeployTelecomEngineersCommand", "NominateModelPracticeCommand",
                "CloseSupportPointCommand", "ReleaseITOfficerCommand");
        assertThat(counts.get("CloseCampaignCommand")).isEqualTo(1);
        assertThat(SMALL.size()).isBetween(12_000, 22_000);
    }

    @Test
    void aboutOneFactInTenIsReportedSeveralDaysLate() {
        double late = SMALL.reportedLateCount() / (double) SMALL.size();

        assertThat(late).isBetween(0.07, 0.15);
        assertThat(SMALL.commands()).allSatisfy(command ->
                assertThat(command.reportedOn()).isAfterOrEqualTo(command.occurredOn()));
    }

    @Test
    void commandsAreOrderedByReportDaySoLateFactsFollowLaterBusinessDates() {
        List<PlannedCommand> commands = SMALL.commands();
        for (int i = 1; i < commands.size(); i++) {
            assertThat(commands.get(i).reportedOn()).isAfterOrEqualTo(commands.get(i - 1).reportedOn());
        }
        long overtaken = 0;
        LocalDate latestSoFar = HANOI.startDate();
        for (PlannedCommand command : commands) {
            if (command.occurredOn().isBefore(latestSoFar.minusDays(1))) {
                overtaken++;
            }
            latestSoFar = command.occurredOn().isAfter(latestSoFar) ? command.occurredOn() : latestSoFar;
        }
        assertThat(overtaken).isGreaterThan(commands.size() / 50);
    }

    @Test
    void invalidSubmissionsOfEveryKindArePlannedAndFew() {
        assertThat(SMALL.expectedRejections()).containsOnlyKeys(
                "course-not-in-campaign", "course-already-completed", "participant-already-enrolled",
                "participant-not-enrolled", "date-before-campaign-start", "session-without-people",
                "unit-not-in-campaign", "it-officer-not-assigned");
        int invalid = SMALL.expectedRejections().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(invalid / (double) SMALL.size()).isBetween(0.001, 0.01);
    }

    @Test
    void replayedInOrderEveryValidCommandIsAcceptedAndEveryInvalidOneRejectedAsPlanned() {
        LedgerRules rules = new LedgerRules(HANOI);
        List<String> mismatches = new ArrayList<>();
        for (PlannedCommand command : SMALL.commands()) {
            String predicted = rules.apply(command.command());
            if (!java.util.Objects.equals(predicted, command.expectedRejection())) {
                mismatches.add("#" + command.index() + " " + command.command() + ": rules say " + predicted
                        + ", plan says " + command.expectedRejection());
            }
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyBusinessDateLiesWithinTheCampaignExceptThoseMeantToBeRejectedForIt() {
        assertThat(SMALL.commands()).allSatisfy(command -> {
            assertThat(command.occurredOn()).isBeforeOrEqualTo(HANOI.endDate());
            if (!"date-before-campaign-start".equals(command.expectedRejection())) {
                assertThat(command.occurredOn()).isAfterOrEqualTo(HANOI.startDate());
            }
            if (command.command() instanceof MobiliseStudentVolunteersCommand c) {
                assertThat(c.periodFrom()).isAfterOrEqualTo(HANOI.startDate());
                assertThat(c.periodTo()).isBetween(c.periodFrom(), HANOI.endDate());
            }
        });
    }

    @Test
    void unitSizesFollowPopulationAndAFewUnitsLagBadly() {
        CampaignPlan plan = CampaignPlanner.plan(HANOI, PlanSettings.of(0.2, 7));
        ExpectedFigures figures = validFigures(plan);
        List<UnitDefinition> byPopulation = HANOI.units().stream()
                .sorted(Comparator.comparing(UnitDefinition::population)).toList();
        int smallest = enrolled(figures, byPopulation.subList(0, 20));
        int largest = enrolled(figures, byPopulation.subList(byPopulation.size() - 20, byPopulation.size()));

        assertThat(largest).isGreaterThan(3 * smallest);

        List<Double> trainedShares = figures.units().values().stream()
                .map(unit -> unit.staffTrained() / (double) unit.staffEnrolled()).sorted().toList();
        assertThat(trainedShares.get(trainedShares.size() / 2)).isGreaterThan(0.85);
        long lagging = trainedShares.stream().filter(share -> share < 0.6).count();
        assertThat(lagging).isBetween(2L, 12L);
    }

    @Test
    void mostUnitsGetAnItOfficerInTheFirstWeekSomeContractedAndOneOrTwoReplaced() {
        Map<String, LocalDate> firstAssignment = new TreeMap<>();
        long contracted = 0;
        for (PlannedCommand command : SMALL.commands()) {
            if (command.command() instanceof AssignITOfficerCommand c) {
                firstAssignment.merge(c.unitId().unitCode().value(), c.occurredOn(),
                        (a, b) -> a.isBefore(b) ? a : b);
                contracted += c.employment() == Employment.CONTRACTED ? 1 : 0;
            }
        }
        long inFirstWeek = firstAssignment.values().stream()
                .filter(day -> day.isBefore(HANOI.startDate().plusDays(7))).count();
        List<PlannedCommand> releases = SMALL.commands().stream()
                .filter(command -> command.command() instanceof ReleaseITOfficerCommand && command.valid()).toList();

        assertThat(firstAssignment).hasSize(126);
        assertThat(inFirstWeek).isBetween(100L, 124L);
        assertThat(contracted).isPositive();
        assertThat(releases).hasSizeBetween(1, 3);
        assertThat(validFigures(SMALL).unitsWithActiveItOfficer()).isEqualTo(126);
    }

    @Test
    void completionsFollowAnSCurveWithWeekendDips() {
        CampaignPlan plan = CampaignPlanner.plan(HANOI, PlanSettings.of(0.05, 11));
        Map<LocalDate, Long> perDay = plan.commands().stream()
                .filter(command -> command.command() instanceof CompleteCourseCommand && command.valid())
                .collect(Collectors.groupingBy(PlannedCommand::occurredOn, TreeMap::new, Collectors.counting()));
        long total = perDay.values().stream().mapToLong(Long::longValue).sum();
        long byDay10 = perDay.entrySet().stream().filter(e -> e.getKey().isBefore(HANOI.date(10)))
                .mapToLong(Map.Entry::getValue).sum();
        long byDay30 = perDay.entrySet().stream().filter(e -> e.getKey().isBefore(HANOI.date(30)))
                .mapToLong(Map.Entry::getValue).sum();
        double weekend = average(perDay, true);
        double weekday = average(perDay, false);

        assertThat(byDay10 / (double) total).isLessThan(0.25);
        assertThat(byDay30 / (double) total).isGreaterThan(0.7);
        assertThat(weekday).isGreaterThan(1.5 * weekend);
    }

    @Test
    void enrolmentComesEarly() {
        List<LocalDate> staffEnrolments = SMALL.commands().stream()
                .filter(command -> command.command() instanceof EnrolParticipantCommand c && c.teamId() == null
                        && command.valid())
                .map(PlannedCommand::occurredOn).toList();
        long firstTwoWeeks = staffEnrolments.stream().filter(day -> day.isBefore(HANOI.date(14))).count();

        assertThat(firstTwoWeeks / (double) staffEnrolments.size()).isGreaterThan(0.75);
    }

    @Test
    void supportSessionsServeTheElderlyMost() {
        long[] served = new long[PriorityGroup.values().length];
        SMALL.commands().stream().map(PlannedCommand::command)
                .filter(RecordSupportSessionCommand.class::isInstance).map(RecordSupportSessionCommand.class::cast)
                .forEach(session -> session.peopleServed().forEach((group, n) -> served[group.ordinal()] += n));
        long total = java.util.Arrays.stream(served).sum();
        long elderly = served[PriorityGroup.ELDERLY.ordinal()];

        assertThat(elderly / (double) total).isBetween(0.3, 0.45);
        for (PriorityGroup group : List.of(PriorityGroup.DISABLED, PriorityGroup.POOR_HOUSEHOLD,
                PriorityGroup.NEAR_POOR_HOUSEHOLD)) {
            assertThat(served[group.ordinal()]).isPositive().isLessThan(elderly / 3);
        }
    }

    @Test
    void teamsHaveTenToFifteenMembersEachEnrolledInTheirTeam() {
        UnitFigures city = validFigures(SMALL).city();

        assertThat(city.communityTeamMembers()).isBetween(10 * city.communityTeams(), 15 * city.communityTeams());
        assertThat(city.teamMembersEnrolled()).isEqualTo(city.communityTeamMembers());
    }

    private static double average(Map<LocalDate, Long> perDay, boolean weekend) {
        return perDay.entrySet().stream()
                .filter(e -> (e.getKey().getDayOfWeek() == DayOfWeek.SATURDAY
                        || e.getKey().getDayOfWeek() == DayOfWeek.SUNDAY) == weekend)
                // compare like with like: the busy middle of the campaign
                .filter(e -> !e.getKey().isBefore(HANOI.date(10)) && e.getKey().isBefore(HANOI.date(35)))
                .mapToLong(Map.Entry::getValue).average().orElse(0);
    }

    private static int enrolled(ExpectedFigures figures, List<UnitDefinition> units) {
        return units.stream().map(unit -> figures.unit(unit.code()))
                .mapToInt(unit -> unit.staffEnrolled() + unit.teamMembersEnrolled()).sum();
    }

    private static ExpectedFigures validFigures(CampaignPlan plan) {
        return ExpectedFigures.of(plan.definition(), plan.commands().stream().filter(PlannedCommand::valid).toList(),
                plan.definition().endDate());
    }

    private static List<String> serialized(CampaignPlan plan) {
        return plan.commands().stream()
                .map(c -> c.index() + "|" + c.reportedOn() + "|" + c.expectedRejection() + "|" + c.idempotencyKey()
                        + "|" + c.command())
                .toList();
    }
}
