package org.campaignledger.simulator.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.ConnectivityTechnology;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.NeedLevel;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.api.support.CloseSupportPointCommand;

/**
 * Plans a realistic campaign: what each unit does on which day, and on which day it reports it.
 * Deterministic: one {@link SplittableRandom} seeded from the settings, split once per unit in the
 * definition's order; no hash ordering, no clock. The figures behind each choice are in
 * {@link Realism}.
 */
public final class CampaignPlanner {

    private final CampaignDefinition definition;
    private final PlanSettings settings;
    private final int days;
    private final String idPrefix;
    private final SplittableRandom master;
    private final List<Draft> drafts = new ArrayList<>();
    /** The latest report day of each dependency chain, so no fact is reported before what it follows. */
    private final Map<String, Integer> chainReportDay = new HashMap<>();
    private final LocalDate[] dates;
    private final Candidates candidates = new Candidates();

    private CampaignPlanner(CampaignDefinition definition, PlanSettings settings) {
        this.definition = definition;
        this.settings = settings;
        this.days = definition.durationDays();
        String campaign = definition.campaignId().value();
        this.idPrefix = (campaign.length() <= 24 ? campaign : "c" + Integer.toHexString(campaign.hashCode())) + ":";
        this.master = new SplittableRandom(settings.seed());
        this.dates = new LocalDate[days + 2 * Realism.DATE_MARGIN];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = definition.date(i - Realism.DATE_MARGIN);
        }
    }

    public static CampaignPlan plan(CampaignDefinition definition, PlanSettings settings) {
        return new CampaignPlanner(definition, settings).build();
    }

    private CampaignPlan build() {
        List<UnitDefinition> units = definition.units();
        Set<UnitCode> lagging = pick(units, Math.max(1, Math.round(units.size() * Realism.LAGGING_UNIT_SHARE)),
                Set.of());
        Set<UnitCode> replacing = pick(units, Math.max(1, Math.round(units.size() * Realism.OFFICER_REPLACED_SHARE)),
                lagging);
        for (UnitDefinition unit : units) {
            new UnitPlanner(unit, lagging.contains(unit.code()), replacing.contains(unit.code()), master.split())
                    .plan();
        }
        planInvalidSubmissions(master.split());
        return order();
    }

    /** Picks units by shuffling indices: the same seed picks the same units. */
    private Set<UnitCode> pick(List<UnitDefinition> units, long count, Set<UnitCode> excluded) {
        List<UnitCode> pool = new ArrayList<>();
        units.stream().map(UnitDefinition::code).filter(code -> !excluded.contains(code)).forEach(pool::add);
        for (int i = pool.size() - 1; i > 0; i--) {
            int j = master.nextInt(i + 1);
            UnitCode swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return new HashSet<>(pool.subList(0, (int) Math.min(count, pool.size())));
    }

    private CampaignPlan order() {
        if (settings.closeCampaign()) {
            Draft close = new Draft(new CloseCampaignCommand(definition.campaignId(), definition.endDate()),
                    days - 1, Integer.MAX_VALUE, 0, drafts.size(), null);
            drafts.add(close);
        }
        drafts.sort(Comparator.comparingInt((Draft d) -> d.reportDay).thenComparingLong(d -> d.tieBreak)
                .thenComparingInt(d -> d.seq));
        int lastReport = drafts.stream().mapToInt(d -> d.reportDay).filter(day -> day != Integer.MAX_VALUE)
                .max().orElse(days - 1);
        String keyPrefix = "sim-" + settings.seed() + "-" + settings.scaleText() + "-";
        List<PlannedCommand> commands = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            int reportDay = draft.reportDay == Integer.MAX_VALUE ? Math.max(lastReport, days - 1) : draft.reportDay;
            commands.add(new PlannedCommand(i, draft.command, date(draft.occurredDay), date(reportDay),
                    draft.expectedRejection, keyPrefix));
        }
        drafts.clear();
        return new CampaignPlan(definition, settings, commands);
    }

    private LocalDate date(int dayOffset) {
        int index = dayOffset + Realism.DATE_MARGIN;
        return index >= 0 && index < dates.length ? dates[index] : definition.date(dayOffset);
    }

    /**
     * Adds a fact that happened on {@code occurredDay} (0-based) to the plan, reported on time or late.
     *
     * @param chain facts with the same chain must reach the platform in the order they are added
     *              (enrolment before completion, opening before sessions); {@code null} if none
     * @param notReportedBefore a report day this fact cannot precede (e.g. its team's formation)
     */
    private int add(Object command, int occurredDay, String chain, int notReportedBefore, SplittableRandom rng,
                    String expectedRejection) {
        return add(command, occurredDay, chain, true, notReportedBefore, rng, expectedRejection);
    }

    /**
     * @param advancesChain whether later facts of the chain must follow this one; a session or a
     *                      completion only follows its opening or enrolment, not its siblings
     */
    private int add(Object command, int occurredDay, String chain, boolean advancesChain, int notReportedBefore,
                    SplittableRandom rng, String expectedRejection) {
        int reportDay = Math.max(Math.max(occurredDay, 0) + reportDelay(rng), notReportedBefore);
        long tieBreak;
        if (chain != null) {
            Integer earlier = chainReportDay.get(chain);
            if (earlier != null) {
                reportDay = Math.max(reportDay, earlier);
            }
            if (advancesChain) {
                chainReportDay.put(chain, reportDay);
            }
            // one tie-break per chain: on a shared report day its facts keep the order they were added in
            tieBreak = mix(settings.seed() ^ chain.hashCode());
        } else {
            tieBreak = rng.nextLong();
        }
        drafts.add(new Draft(command, occurredDay, reportDay, tieBreak, drafts.size(), expectedRejection));
        return reportDay;
    }

    private int add(Object command, int occurredDay, String chain, int notReportedBefore, SplittableRandom rng) {
        return add(command, occurredDay, chain, notReportedBefore, rng, null);
    }

    private static int reportDelay(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < Realism.LATE_REPORT_SHARE) {
            return Realism.LATE_REPORT_MIN_DAYS
                    + rng.nextInt(Realism.LATE_REPORT_MAX_DAYS - Realism.LATE_REPORT_MIN_DAYS + 1);
        }
        return u < Realism.LATE_REPORT_SHARE + Realism.NEXT_DAY_REPORT_SHARE ? 1 : 0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Rounds up or down at random in proportion, so small scales keep the expected total. */
    private static int stochasticRound(double value, SplittableRandom rng) {
        int floor = (int) Math.floor(value);
        return floor + (rng.nextDouble() < value - floor ? 1 : 0);
    }

    /** A day drawn from an exponential distribution starting at {@code from}: most things happen early. */
    private int earlyDay(int from, double meanDays, SplittableRandom rng) {
        int day = from + (int) (-meanDays * Math.log(1 - rng.nextDouble()));
        return Math.min(day, days - 1);
    }

    /** People work less at weekends: most weekend activity moves to Monday (possibly past the end). */
    private int weekendDip(int day, double keepAtWeekend, SplittableRandom rng) {
        if (day < 0 || day >= days || !definition.isWeekend(day) || rng.nextDouble() < keepAtWeekend) {
            return day;
        }
        return day + (definition.date(day).getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? 2 : 1);
    }

    private static double logistic(double mu, double s, SplittableRandom rng) {
        double u = Math.min(Math.max(rng.nextDouble(), 1e-9), 1 - 1e-9);
        return mu + s * Math.log(u / (1 - u));
    }

    private static int poisson(double lambda, SplittableRandom rng) {
        double limit = Math.exp(-lambda);
        double product = rng.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            count++;
        }
        return count;
    }

    private static <T> T oneOf(List<T> values, SplittableRandom rng) {
        return values.get(rng.nextInt(values.size()));
    }

    /** Everything one commune or ward does during the campaign. */
    private final class UnitPlanner {

        private final UnitDefinition unit;
        private final AdministrativeUnitId unitId;
        private final boolean lagging;
        private final boolean replacesOfficer;
        private final SplittableRandom rng;
        private final double population;
        private final String code;

        UnitPlanner(UnitDefinition unit, boolean lagging, boolean replacesOfficer, SplittableRandom rng) {
            this.unit = unit;
            this.unitId = new AdministrativeUnitId(definition.campaignId(), unit.code());
            this.lagging = lagging;
            this.replacesOfficer = replacesOfficer;
            this.rng = rng;
            this.population = unit.population() == null ? Realism.DEFAULT_POPULATION : unit.population();
            this.code = unit.code().value();
        }

        void plan() {
            itOfficers();
            rescueTeams();
            connectivity();
            volunteers();
            engineers();
            modelPractice();
            List<String> groups = residentialGroups();
            communityTeams(groups);
            assessments(groups);
            staff();
            supportPoints(groups);
        }

        private double noise() {
            return 1 - Realism.SIZE_NOISE + 2 * Realism.SIZE_NOISE * rng.nextDouble();
        }

        private void itOfficers() {
            boolean late = lagging || rng.nextDouble() < Realism.OFFICER_LATE_SHARE;
            int first = lagging ? 10 + rng.nextInt(16) : late ? 7 + rng.nextInt(12) : rng.nextInt(5);
            Employment employment = rng.nextDouble() < (lagging ? 0.3 : Realism.OFFICER_CONTRACTED_SHARE)
                    ? Employment.CONTRACTED : Employment.STAFF;
            OfficerId firstOfficer = officer("1");
            assign(firstOfficer, employment, first);
            if (rng.nextDouble() < Realism.SECOND_OFFICER_SHARE) {
                int day = Math.min(days - 1, first + 3 + rng.nextInt(18));
                assign(officer("2"), rng.nextBoolean() ? Employment.CONTRACTED : Employment.STAFF, day);
            }
            if (replacesOfficer) {
                int day = Math.min(days - 1, first + 10 + rng.nextInt(16));
                add(new ReleaseITOfficerCommand(unitId, firstOfficer, date(day)), day, officerChain(firstOfficer), 0,
                        rng);
                assign(officer("r"), rng.nextBoolean() ? Employment.CONTRACTED : Employment.STAFF, day);
            }
        }

        private OfficerId officer(String suffix) {
            return new OfficerId(idPrefix + "it-" + code + "-" + suffix);
        }

        private String officerChain(OfficerId officer) {
            return "officer/" + officer.value();
        }

        private void assign(OfficerId officer, Employment employment, int day) {
            add(new AssignITOfficerCommand(unitId, officer, employment, date(day)), day, officerChain(officer), 0, rng);
            // the officer is trained too: IT_OFFICER courses, quickly
            int enrolDay = Math.min(days - 1, day + rng.nextInt(3));
            participant(new ParticipantId(officer.value()), ParticipantRole.IT_OFFICER, null, enrolDay, 0,
                    day + Realism.OFFICER_TRAINING_MEAN_DAYS);
        }

        private void rescueTeams() {
            int teams = lagging ? (rng.nextDouble() < 0.6 ? 1 : 0) : 1 + (rng.nextDouble() < 0.15 ? 1 : 0);
            for (int n = 1; n <= teams; n++) {
                int day = lagging ? 10 + rng.nextInt(20) : earlyDay(0, 3, rng);
                add(new FormTechRescueTeamCommand(unitId, new TeamId(idPrefix + "rt-" + code + "-" + n),
                        5 + rng.nextInt(8), date(day)), day, null, 0, rng);
            }
        }

        private void connectivity() {
            int upgrades = 1 + rng.nextInt(4);
            for (int n = 1; n <= upgrades; n++) {
                int day = rng.nextInt(Math.min(days, 36));
                String place = oneOf(Realism.SERVICE_POINTS, rng) + " " + n + " - " + unit.name();
                add(new RecordConnectivityUpgradeCommand(unitId, place,
                        rng.nextDouble() < 0.55 ? ConnectivityTechnology.FIXED_BROADBAND : ConnectivityTechnology.FIVE_G,
                        date(day)), day, null, 0, rng);
            }
        }

        private void volunteers() {
            int mobilisations = 1 + rng.nextInt(3);
            for (int n = 0; n < mobilisations; n++) {
                // peaks in weeks 2 to 4
                int from = Math.min(days - 1, 5 + rng.nextInt(Math.max(1, Math.min(days, 26))));
                int to = Math.min(days - 1, from + 7 + rng.nextInt(8));
                add(new MobiliseStudentVolunteersCommand(unitId, oneOf(Realism.INSTITUTIONS, rng), 2 + rng.nextInt(14),
                        date(from), date(to), date(from)), from, null, 0, rng);
            }
        }

        private void engineers() {
            int deployments = 1 + rng.nextInt(2);
            for (int n = 0; n < deployments; n++) {
                int day = Math.min(days - 1, rng.nextInt(21));
                add(new DeployTelecomEngineersCommand(unitId, oneOf(Realism.OPERATORS, rng), 1 + rng.nextInt(4),
                        date(day)), day, null, 0, rng);
            }
        }

        private void modelPractice() {
            if (lagging || rng.nextDouble() >= Realism.MODEL_PRACTICE_SHARE) {
                return;
            }
            int day = Math.max(0, days - 15) + rng.nextInt(Math.min(days, 15));
            add(new NominateModelPracticeCommand(unitId, new PracticeId(idPrefix + "mp-" + code + "-1"),
                    oneOf(Realism.PRACTICES, rng), "Đề xuất khen thưởng của " + unit.name()
                    + " sau chiến dịch 45 ngày chuyển đổi số.", date(day)), day, null, 0, rng);
        }

        private List<String> residentialGroups() {
            int count = stochasticRound(population * Realism.RESIDENTIAL_GROUPS_PER_PERSON * noise()
                    * settings.scale(), rng);
            String kind = unit.kind() == UnitKind.WARD ? "Tổ dân phố " : "Thôn ";
            List<String> groups = new ArrayList<>(count);
            for (int n = 1; n <= count; n++) {
                groups.add(kind + n);
            }
            return groups;
        }

        private void communityTeams(List<String> groups) {
            for (int n = 0; n < groups.size(); n++) {
                if (lagging && rng.nextDouble() >= Realism.LAGGING_TEAM_SHARE) {
                    continue;
                }
                int day = lagging ? earlyDay(8, 8, rng) : earlyDay(0, Realism.TEAM_FORMATION_MEAN_DAYS, rng);
                String teamNumber = String.format("%03d", n + 1);
                TeamId team = new TeamId(idPrefix + "ct-" + code + "-" + teamNumber);
                int members = Realism.TEAM_MIN_MEMBERS + rng.nextInt(Realism.TEAM_MAX_MEMBERS - Realism.TEAM_MIN_MEMBERS + 1);
                int formationReport = add(new FormCommunityDigitalTeamCommand(unitId, team, groups.get(n), members,
                        date(day)), day, null, 0, rng);
                double mu = lagging ? Realism.LAGGING_TRAINING_MEAN_DAY : Realism.TEAM_TRAINING_MEAN_DAY;
                for (int m = 1; m <= members; m++) {
                    int enrolDay = Math.min(days - 1, day + (int) (-1.5 * Math.log(1 - rng.nextDouble())));
                    participant(new ParticipantId(idPrefix + "tm-" + code + "-" + teamNumber + "-" + m),
                            ParticipantRole.TEAM_MEMBER, team, enrolDay, formationReport, mu);
                }
            }
        }

        private void assessments(List<String> groups) {
            for (String group : groups) {
                if (rng.nextDouble() >= (lagging ? 0.5 : Realism.ASSESSED_GROUP_SHARE)) {
                    continue;
                }
                int day = lagging ? earlyDay(5, 10, rng) : earlyDay(0, 6, rng);
                double u = rng.nextDouble();
                NeedLevel need = u < 0.2 ? NeedLevel.HIGH : u < 0.65 ? NeedLevel.MEDIUM : NeedLevel.LOW;
                add(new AssessResidentialGroupCommand(unitId, group, need, date(day)), day, null, 0, rng);
            }
        }

        private void staff() {
            int count = Math.max(1, stochasticRound((Realism.STAFF_PER_UNIT + population * Realism.STAFF_PER_PERSON)
                    * noise() * settings.scale(), rng));
            double mu = lagging ? Realism.LAGGING_TRAINING_MEAN_DAY : Realism.STAFF_TRAINING_MEAN_DAY;
            for (int n = 1; n <= count; n++) {
                double u = rng.nextDouble();
                ParticipantRole role = u < Realism.OFFICIAL_SHARE ? ParticipantRole.OFFICIAL
                        : u < Realism.OFFICIAL_SHARE + Realism.CIVIL_SERVANT_SHARE ? ParticipantRole.CIVIL_SERVANT
                        : ParticipantRole.PUBLIC_EMPLOYEE;
                int enrolDay = rng.nextDouble() < Realism.EARLY_ENROLMENT_SHARE
                        ? earlyDay(0, Realism.ENROLMENT_MEAN_DAYS, rng)
                        : Math.min(days - 1, 5 + rng.nextInt(20));
                if (lagging) {
                    enrolDay = Math.min(days - 1, enrolDay + 7);
                }
                enrolDay = Math.min(days - 1, weekendDip(enrolDay, 0.5, rng));
                participant(new ParticipantId(idPrefix + "st-" + code + "-" + n), role, null, enrolDay, 0, mu);
            }
        }

        /** Enrols a participant and plans the completions of the role's courses along an S-curve. */
        private void participant(ParticipantId id, ParticipantRole role, TeamId team, int enrolDay,
                                 int notReportedBefore, double trainingMeanDay) {
            String chain = id.value();
            add(new EnrolParticipantCommand(id, definition.campaignId(), unit.code(), role, team, date(enrolDay)),
                    enrolDay, chain, notReportedBefore, rng);
            List<CourseCode> courses = definition.requiredFor(role);
            int day = Math.max(enrolDay, (int) Math.round(logistic(trainingMeanDay, Realism.TRAINING_SPREAD_DAYS,
                    rng)));
            List<PlannedCompletion> done = new ArrayList<>();
            for (int k = 0; k < courses.size(); k++) {
                if (k > 0) {
                    day += rng.nextInt(4);
                    if (rng.nextDouble() < Realism.DROPOUT_PER_COURSE) {
                        break;
                    }
                }
                day = weekendDip(day, Realism.WEEKEND_ACTIVITY, rng);
                if (day > days - 1) {
                    break;
                }
                int reported = add(new CompleteCourseCommand(id, definition.campaignId(), courses.get(k), date(day)),
                        day, chain, false, 0, rng, null);
                done.add(new PlannedCompletion(courses.get(k), day, reported));
            }
            candidates.participants.add(new PlannedParticipant(id, unit, role, team, enrolDay, done));
        }

        private void supportPoints(List<String> groups) {
            double expected = Math.min(Realism.MAX_SUPPORT_POINTS_PER_UNIT,
                    population * Realism.SUPPORT_POINTS_PER_PERSON * noise()) * settings.scale();
            int count = lagging ? stochasticRound(expected * 0.3, rng) : Math.max(1, stochasticRound(expected, rng));
            for (int n = 1; n <= count; n++) {
                SupportPointId point = new SupportPointId(idPrefix + "sp-" + code + "-" + n);
                String chain = point.value();
                double u = rng.nextDouble();
                int open = lagging ? 10 + rng.nextInt(Math.max(1, Math.min(days - 10, 26)))
                        : u < 0.6 ? rng.nextInt(Math.min(days, 8))
                        : u < 0.9 ? Math.min(days - 1, 8 + rng.nextInt(13))
                        : Math.min(days - 1, 21 + rng.nextInt(15));
                open = Math.min(open, days - 1);
                String location = groups.isEmpty() ? "Trụ sở UBND " + unit.name()
                        : "Nhà văn hóa " + groups.get((n - 1) % groups.size());
                add(new OpenSupportPointCommand(point, definition.campaignId(), unit.code(), location, date(open)),
                        open, chain, 0, rng);
                int last = days - 1;
                boolean closes = rng.nextDouble() < Realism.SUPPORT_POINT_CLOSED_SHARE && open + 7 < days - 1;
                if (closes) {
                    last = open + 7 + rng.nextInt(days - 1 - (open + 7));
                }
                int lastSessionReport = 0;
                for (int day = open; day <= last; day++) {
                    double lambda = (definition.isWeekend(day) ? Realism.SESSIONS_PER_WEEKEND_DAY
                            : Realism.SESSIONS_PER_WEEKDAY) * (lagging ? Realism.LAGGING_SESSION_FACTOR : 1);
                    int sessions = poisson(lambda, rng);
                    for (int s = 0; s < sessions; s++) {
                        int reported = add(new RecordSupportSessionCommand(point, definition.campaignId(),
                                peopleServed(rng), services(rng), date(day)), day, chain, false, 0, rng, null);
                        lastSessionReport = Math.max(lastSessionReport, reported);
                    }
                }
                if (closes) {
                    add(new CloseSupportPointCommand(point, definition.campaignId(), date(last)), last, chain,
                            lastSessionReport, rng);
                }
                candidates.points.add(new PlannedPoint(point, unit, open, last));
            }
        }
    }

    private static Map<PriorityGroup, Integer> peopleServed(SplittableRandom rng) {
        int people = Realism.MIN_PEOPLE_PER_SESSION
                + rng.nextInt(Realism.MAX_PEOPLE_PER_SESSION - Realism.MIN_PEOPLE_PER_SESSION + 1);
        int[] counts = new int[PriorityGroup.values().length];
        for (int p = 0; p < people; p++) {
            double u = rng.nextDouble();
            int group = 0;
            double cumulative = Realism.PRIORITY_WEIGHTS[0];
            while (u >= cumulative && group < counts.length - 1) {
                group++;
                cumulative += Realism.PRIORITY_WEIGHTS[group];
            }
            counts[group]++;
        }
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        for (PriorityGroup group : PriorityGroup.values()) {
            served.put(group, counts[group.ordinal()]);
        }
        return served;
    }

    private static List<String> services(SplittableRandom rng) {
        List<String> all = Realism.SERVICES;
        int first = rng.nextInt(all.size());
        int count = 1 + rng.nextInt(3);
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(all.get((first + i * 3) % all.size()));
        }
        return List.copyOf(chosen);
    }

    /**
     * Mistakes units really make (a CSV export with a course the campaign does not have, a session
     * typed with last year's date, an import run twice, a typo in an id), each of which the platform
     * must reject with a known problem type. Sent after the facts they refer to.
     */
    private void planInvalidSubmissions(SplittableRandom rng) {
        int perKind = (int) Math.max(1, Math.round(drafts.size() * Realism.INVALID_SHARE_PER_KIND));
        List<PlannedParticipant> participants = candidates.participants;
        List<PlannedParticipant> completed = participants.stream().filter(p -> !p.completions().isEmpty()).toList();
        List<PlannedPoint> points = candidates.points;
        UnitCode unknownUnit = unknownUnitCode();
        for (int i = 0; i < perKind; i++) {
            PlannedParticipant someone = oneOf(participants, rng);
            int day = Math.min(days - 1, someone.enrolDay() + rng.nextInt(Math.max(1, days - someone.enrolDay())));
            add(new CompleteCourseCommand(someone.id(), definition.campaignId(), Realism.UNKNOWN_COURSE, date(day)),
                    day, someone.id().value(), false, 0, rng, "course-not-in-campaign");

            if (!completed.isEmpty()) {
                PlannedParticipant again = oneOf(completed, rng);
                PlannedCompletion original = oneOf(again.completions(), rng);
                int repeat = Math.min(days - 1, original.day() + rng.nextInt(3));
                add(new CompleteCourseCommand(again.id(), definition.campaignId(), original.course(), date(repeat)),
                        repeat, again.id().value(), false, original.reportDay(), rng, "course-already-completed");
            }

            PlannedParticipant twice = oneOf(participants, rng);
            add(new EnrolParticipantCommand(twice.id(), definition.campaignId(), twice.unit().code(), twice.role(),
                    twice.team(), date(twice.enrolDay())), twice.enrolDay(), twice.id().value(), false, 0, rng,
                    "participant-already-enrolled");

            ParticipantId typo = new ParticipantId(someone.id().value() + "x");
            add(new CompleteCourseCommand(typo, definition.campaignId(), oneOf(definition.courses(), rng), date(day)),
                    day, typo.value(), 0, rng, "participant-not-enrolled");

            if (!points.isEmpty()) {
                PlannedPoint point = oneOf(points, rng);
                int before = -1 - rng.nextInt(5);
                add(new RecordSupportSessionCommand(point.id(), definition.campaignId(), peopleServed(rng),
                        services(rng), date(before)), before, point.id().value(), false, 0, rng,
                        "date-before-campaign-start");

                PlannedPoint empty = oneOf(points, rng);
                int sessionDay = empty.openDay() + rng.nextInt(empty.lastDay() - empty.openDay() + 1);
                Map<PriorityGroup, Integer> nobody = new EnumMap<>(PriorityGroup.class);
                for (PriorityGroup group : PriorityGroup.values()) {
                    nobody.put(group, 0);
                }
                add(new RecordSupportSessionCommand(empty.id(), definition.campaignId(), nobody, services(rng),
                        date(sessionDay)), sessionDay, empty.id().value(), false, 0, rng, "session-without-people");
            }

            int upgradeDay = rng.nextInt(days);
            add(new RecordConnectivityUpgradeCommand(new AdministrativeUnitId(definition.campaignId(), unknownUnit),
                    "Điểm phục vụ không có trong chiến dịch", ConnectivityTechnology.FIVE_G, date(upgradeDay)),
                    upgradeDay, null, 0, rng, "unit-not-in-campaign");

            UnitDefinition unit = oneOf(definition.units(), rng);
            int releaseDay = rng.nextInt(days);
            add(new ReleaseITOfficerCommand(new AdministrativeUnitId(definition.campaignId(), unit.code()),
                    new OfficerId(idPrefix + "it-" + unit.code().value() + "-unknown"), date(releaseDay)),
                    releaseDay, null, 0, rng, "it-officer-not-assigned");
        }
    }

    private UnitCode unknownUnitCode() {
        Set<String> codes = new HashSet<>();
        definition.units().forEach(unit -> codes.add(unit.code().value()));
        for (int n = 99_999; ; n--) {
            String candidate = String.format("%05d", n);
            if (!codes.contains(candidate)) {
                return new UnitCode(candidate);
            }
        }
    }

    private static final class Draft {
        final Object command;
        final int occurredDay;
        final int reportDay;
        final long tieBreak;
        final int seq;
        final String expectedRejection;

        Draft(Object command, int occurredDay, int reportDay, long tieBreak, int seq, String expectedRejection) {
            this.command = command;
            this.occurredDay = occurredDay;
            this.reportDay = reportDay;
            this.tieBreak = tieBreak;
            this.seq = seq;
            this.expectedRejection = expectedRejection;
        }
    }

    /** What invalid submissions can refer to: people and points the plan already created. */
    private static final class Candidates {
        final List<PlannedParticipant> participants = new ArrayList<>();
        final List<PlannedPoint> points = new ArrayList<>();
    }

    private record PlannedCompletion(CourseCode course, int day, int reportDay) {
    }

    private record PlannedParticipant(ParticipantId id, UnitDefinition unit, ParticipantRole role, TeamId team,
                                      int enrolDay, List<PlannedCompletion> completions) {
    }

    private record PlannedPoint(SupportPointId id, UnitDefinition unit, int openDay, int lastDay) {
    }
}
