package org.campaignledger.simulator.tally;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.PlannedCommand;

/**
 * The figures the query side's summary must show, folded from accepted commands: per unit, in the
 * definition's order, and city-wide.
 *
 * @param asOf only facts with a business date on or before it count; the campaign's last day for the
 *             end-of-campaign summary
 */
public record ExpectedFigures(LocalDate asOf, Map<UnitCode, UnitFigures> units, UnitFigures city) {

    public ExpectedFigures {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public UnitFigures unit(UnitCode code) {
        return units.get(code);
    }

    public int unitsWithActiveItOfficer() {
        return count(unit -> unit.itOfficersActive() > 0);
    }

    public int unitsWithRescueTeam() {
        return count(unit -> unit.rescueTeams() > 0);
    }

    public int unitsWithOpenSupportPoint() {
        return count(unit -> unit.supportPointsOpen() > 0);
    }

    private int count(Predicate<UnitFigures> predicate) {
        return (int) units.values().stream().filter(predicate).count();
    }

    /** Folds accepted commands, in the order they were accepted, into the figures as of a business date. */
    public static ExpectedFigures of(CampaignDefinition definition, Iterable<PlannedCommand> accepted, LocalDate asOf) {
        Fold fold = new Fold(definition);
        for (PlannedCommand command : accepted) {
            if (!command.occurredOn().isAfter(asOf)) {
                fold.accept(command.command());
            }
        }
        return fold.result(asOf);
    }

    /** Mutable counters of one unit while folding. */
    private static final class Counters {
        final Map<String, Employment> activeOfficers = new HashMap<>();
        int staffEnrolled;
        int staffTrained;
        int teamMembersEnrolled;
        int teamMembersTrained;
        int itOfficersEnrolled;
        int itOfficersTrained;
        int courseCompletions;
        int communityTeams;
        int communityTeamMembers;
        int rescueTeams;
        int supportPointsOpened;
        int supportPointsClosed;
        int supportSessions;
        final long[] peopleServed = new long[PriorityGroup.values().length];
        final Set<String> assessedGroups = new HashSet<>();
        int connectivityUpgrades;
        int studentVolunteers;
        int telecomEngineers;
        int modelPractices;

        UnitFigures freeze() {
            Map<PriorityGroup, Long> served = new EnumMap<>(PriorityGroup.class);
            for (PriorityGroup group : PriorityGroup.values()) {
                served.put(group, peopleServed[group.ordinal()]);
            }
            int contracted = (int) activeOfficers.values().stream().filter(e -> e == Employment.CONTRACTED).count();
            return new UnitFigures(activeOfficers.size(), contracted, staffEnrolled, staffTrained, teamMembersEnrolled,
                    teamMembersTrained, itOfficersEnrolled, itOfficersTrained, courseCompletions, communityTeams,
                    communityTeamMembers, rescueTeams, supportPointsOpened, supportPointsOpened - supportPointsClosed,
                    supportSessions, served, connectivityUpgrades, assessedGroups.size(), studentVolunteers,
                    telecomEngineers, modelPractices);
        }
    }

    private record Participant(UnitCode unit, ParticipantRole role, Set<CourseCode> completed) {
    }

    private static final class Fold {
        private final CampaignDefinition definition;
        private final Map<UnitCode, Counters> units = new LinkedHashMap<>();
        private final Map<String, Participant> participants = new HashMap<>();
        private final Map<String, UnitCode> points = new HashMap<>();

        Fold(CampaignDefinition definition) {
            this.definition = definition;
            for (UnitDefinition unit : definition.units()) {
                units.put(unit.code(), new Counters());
            }
        }

        private Counters unit(UnitCode code) {
            return units.computeIfAbsent(code, c -> new Counters());
        }

        void accept(Object command) {
            if (command instanceof AssignITOfficerCommand c) {
                unit(c.unitId().unitCode()).activeOfficers.put(c.officerId().value(), c.employment());
            } else if (command instanceof ReleaseITOfficerCommand c) {
                unit(c.unitId().unitCode()).activeOfficers.remove(c.officerId().value());
            } else if (command instanceof FormCommunityDigitalTeamCommand c) {
                Counters unit = unit(c.unitId().unitCode());
                unit.communityTeams++;
                unit.communityTeamMembers += c.memberCount();
            } else if (command instanceof FormTechRescueTeamCommand c) {
                unit(c.unitId().unitCode()).rescueTeams++;
            } else if (command instanceof RecordConnectivityUpgradeCommand c) {
                unit(c.unitId().unitCode()).connectivityUpgrades++;
            } else if (command instanceof AssessResidentialGroupCommand c) {
                unit(c.unitId().unitCode()).assessedGroups.add(c.residentialGroup());
            } else if (command instanceof MobiliseStudentVolunteersCommand c) {
                unit(c.unitId().unitCode()).studentVolunteers += c.count();
            } else if (command instanceof DeployTelecomEngineersCommand c) {
                unit(c.unitId().unitCode()).telecomEngineers += c.count();
            } else if (command instanceof NominateModelPracticeCommand c) {
                unit(c.unitId().unitCode()).modelPractices++;
            } else if (command instanceof EnrolParticipantCommand c) {
                participants.put(c.participantId().value(), new Participant(c.unitCode(), c.role(), new HashSet<>()));
            } else if (command instanceof CompleteCourseCommand c) {
                Participant participant = participants.get(c.participantId().value());
                if (participant != null && participant.completed().add(c.course())) {
                    unit(participant.unit()).courseCompletions++;
                }
            } else if (command instanceof OpenSupportPointCommand c) {
                points.put(c.pointId().value(), c.unitCode());
                unit(c.unitCode()).supportPointsOpened++;
            } else if (command instanceof RecordSupportSessionCommand c) {
                UnitCode code = points.get(c.pointId().value());
                if (code != null) {
                    Counters unit = unit(code);
                    unit.supportSessions++;
                    c.peopleServed().forEach((group, count) -> unit.peopleServed[group.ordinal()] += count);
                }
            } else if (command instanceof CloseSupportPointCommand c) {
                UnitCode code = points.get(c.pointId().value());
                if (code != null) {
                    unit(code).supportPointsClosed++;
                }
            }
        }

        ExpectedFigures result(LocalDate asOf) {
            for (Participant participant : participants.values()) {
                Counters unit = unit(participant.unit());
                List<CourseCode> required = definition.requiredFor(participant.role());
                boolean trained = participant.completed().containsAll(required);
                switch (participant.role()) {
                    case TEAM_MEMBER -> {
                        unit.teamMembersEnrolled++;
                        unit.teamMembersTrained += trained ? 1 : 0;
                    }
                    case IT_OFFICER -> {
                        unit.itOfficersEnrolled++;
                        unit.itOfficersTrained += trained ? 1 : 0;
                    }
                    default -> {
                        unit.staffEnrolled++;
                        unit.staffTrained += trained ? 1 : 0;
                    }
                }
            }
            Map<UnitCode, UnitFigures> frozen = new LinkedHashMap<>();
            units.forEach((code, counters) -> frozen.put(code, counters.freeze()));
            return new ExpectedFigures(asOf, frozen, sum(frozen.values()));
        }

        private static UnitFigures sum(Iterable<UnitFigures> all) {
            int[] t = new int[19];
            Map<PriorityGroup, Long> served = new EnumMap<>(PriorityGroup.class);
            for (PriorityGroup group : PriorityGroup.values()) {
                served.put(group, 0L);
            }
            for (UnitFigures u : all) {
                int[] v = {u.itOfficersActive(), u.itOfficersActiveContracted(), u.staffEnrolled(), u.staffTrained(),
                        u.teamMembersEnrolled(), u.teamMembersTrained(), u.itOfficersEnrolled(), u.itOfficersTrained(),
                        u.courseCompletions(), u.communityTeams(), u.communityTeamMembers(), u.rescueTeams(),
                        u.supportPointsOpened(), u.supportPointsOpen(), u.supportSessions(), u.connectivityUpgrades(),
                        u.residentialGroupsAssessed(), u.studentVolunteers(), u.telecomEngineers()};
                for (int i = 0; i < t.length; i++) {
                    t[i] += v[i];
                }
                u.peopleServed().forEach((group, count) -> served.merge(group, count, Long::sum));
            }
            int practices = 0;
            for (UnitFigures u : all) {
                practices += u.modelPractices();
            }
            return new UnitFigures(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                    t[13], t[14], served, t[15], t[16], t[17], t[18], practices);
        }
    }
}
