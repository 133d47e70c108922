package org.campaignledger.simulator.send;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.AssessResidentialGroupCommand;
import org.campaignledger.api.unit.AssignITOfficerCommand;
import org.campaignledger.api.unit.DeployTelecomEngineersCommand;
import org.campaignledger.api.unit.FormCommunityDigitalTeamCommand;
import org.campaignledger.api.unit.FormTechRescueTeamCommand;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.NominateModelPracticeCommand;
import org.campaignledger.api.unit.RecordConnectivityUpgradeCommand;
import org.campaignledger.api.unit.ReleaseITOfficerCommand;

/**
 * Where each command goes in command-side's REST API, and its JSON body: the ids named in the path
 * are not repeated in the body. Written out per command so a renamed field breaks a test, not a run.
 */
public final class HttpRoutes {

    /** A {@code POST} to {@code path} (relative to the platform's base URL) with this JSON body. */
    public record Route(String path, ObjectNode body) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HttpRoutes() {
    }

    public static Route of(Object command) {
        // Java 17: no pattern matching for switch yet
        if (command instanceof LaunchCampaignCommand c) {
            return new Route("/api/campaigns", launch(c));
        } else if (command instanceof CloseCampaignCommand c) {
            return new Route(campaign(c.campaignId()) + "/close", occurredOn(c.occurredOn()));
        } else if (command instanceof AssignITOfficerCommand c) {
            return new Route(unit(c.unitId()) + "/it-officers", body()
                    .put("officerId", c.officerId().value())
                    .put("employment", c.employment().name())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof ReleaseITOfficerCommand c) {
            return new Route(unit(c.unitId()) + "/it-officers/" + c.officerId().value() + "/release",
                    occurredOn(c.occurredOn()));
        } else if (command instanceof FormCommunityDigitalTeamCommand c) {
            return new Route(unit(c.unitId()) + "/community-teams", body()
                    .put("teamId", c.teamId().value())
                    .put("residentialGroup", c.residentialGroup())
                    .put("memberCount", c.memberCount())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof FormTechRescueTeamCommand c) {
            return new Route(unit(c.unitId()) + "/rescue-teams", body()
                    .put("teamId", c.teamId().value())
                    .put("memberCount", c.memberCount())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof RecordConnectivityUpgradeCommand c) {
            return new Route(unit(c.unitId()) + "/connectivity-upgrades", body()
                    .put("servicePoint", c.servicePoint())
                    .put("technology", c.technology().name())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof AssessResidentialGroupCommand c) {
            return new Route(unit(c.unitId()) + "/residential-group-assessments", body()
                    .put("residentialGroup", c.residentialGroup())
                    .put("needLevel", c.needLevel().name())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof MobiliseStudentVolunteersCommand c) {
            return new Route(unit(c.unitId()) + "/student-volunteers", body()
                    .put("institution", c.institution())
                    .put("count", c.count())
                    .put("periodFrom", c.periodFrom().toString())
                    .put("periodTo", c.periodTo().toString())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof DeployTelecomEngineersCommand c) {
            return new Route(unit(c.unitId()) + "/telecom-engineers", body()
                    .put("operator", c.operator())
                    .put("count", c.count())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof NominateModelPracticeCommand c) {
            return new Route(unit(c.unitId()) + "/model-practices", body()
                    .put("practiceId", c.practiceId().value())
                    .put("title", c.title())
                    .put("description", c.description())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof EnrolParticipantCommand c) {
            ObjectNode body = body()
                    .put("participantId", c.participantId().value())
                    .put("unitCode", c.unitCode().value())
                    .put("role", c.role().name());
            if (c.teamId() != null) {
                body.put("teamId", c.teamId().value());
            }
            return new Route(campaign(c.campaignId()) + "/participants", body.put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof CompleteCourseCommand c) {
            return new Route(campaign(c.campaignId()) + "/participants/" + c.participantId().value()
                    + "/course-completions", body()
                    .put("course", c.course().value())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof OpenSupportPointCommand c) {
            return new Route(campaign(c.campaignId()) + "/support-points", body()
                    .put("pointId", c.pointId().value())
                    .put("unitCode", c.unitCode().value())
                    .put("location", c.location())
                    .put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof RecordSupportSessionCommand c) {
            ObjectNode body = body();
            ObjectNode served = body.putObject("peopleServed");
            for (PriorityGroup group : PriorityGroup.values()) {
                Integer count = c.peopleServed().get(group);
                if (count != null) {
                    served.put(group.name(), count);
                }
            }
            ArrayNode services = body.putArray("services");
            c.services().forEach(services::add);
            return new Route(campaign(c.campaignId()) + "/support-points/" + c.pointId().value() + "/sessions",
                    body.put("occurredOn", c.occurredOn().toString()));
        } else if (command instanceof CloseSupportPointCommand c) {
            return new Route(campaign(c.campaignId()) + "/support-points/" + c.pointId().value() + "/close",
                    occurredOn(c.occurredOn()));
        }
        throw new IllegalArgumentException("No REST route for " + command.getClass().getName());
    }

    private static ObjectNode launch(LaunchCampaignCommand c) {
        ObjectNode body = body()
                .put("campaignId", c.campaignId().value())
                .put("name", c.name())
                .put("directive", c.directive())
                .put("startDate", c.startDate().toString())
                .put("durationDays", c.durationDays())
                .put("timeZone", c.timeZone());
        ArrayNode targets = body.putArray("targets");
        for (Target target : c.targets()) {
            targets.addObject().put("metric", target.metric().name()).put("goal", target.goal());
        }
        ArrayNode courses = body.putArray("courses");
        c.courses().forEach(course -> courses.add(course.value()));
        ObjectNode required = body.putObject("requiredCourses");
        for (ParticipantRole role : ParticipantRole.values()) {
            List<CourseCode> list = c.requiredCourses().get(role);
            if (list != null) {
                ArrayNode roleCourses = required.putArray(role.name());
                list.forEach(course -> roleCourses.add(course.value()));
            }
        }
        ArrayNode units = body.putArray("units");
        for (UnitDefinition unit : c.units()) {
            ObjectNode node = units.addObject()
                    .put("code", unit.code().value())
                    .put("name", unit.name())
                    .put("kind", unit.kind().name());
            putIfPresent(node, "population", unit.population());
            if (unit.longitude() != null) {
                node.put("longitude", unit.longitude());
            }
            if (unit.latitude() != null) {
                node.put("latitude", unit.latitude());
            }
        }
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String campaign(CampaignId id) {
        return "/api/campaigns/" + id.value();
    }

    private static String unit(AdministrativeUnitId id) {
        return campaign(id.campaignId()) + "/units/" + id.unitCode().value();
    }

    private static ObjectNode occurredOn(java.time.LocalDate date) {
        return body().put("occurredOn", date.toString());
    }

    private static ObjectNode body() {
        return JSON.objectNode();
    }
}
