package org.campaignledger.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every JSON command endpoint of the API with a body it accepts: the fuzzer mutates these into bodies it must
 * refuse. Each body is made afresh (new ids), so that an unmutated one would be recorded: a mutation that gets
 * through is seen as a 2xx, not hidden behind "already exists". The path's variables name the fixtures that
 * {@link #prepare} records: a campaign, a unit, a support point, a participant and an officer.
 */
final class CommandEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param optional fields the endpoint accepts without (removing them is no mutation) */
    record Endpoint(String template, Supplier<ObjectNode> validBody, Set<String> optional) {

        String path(Fixtures fixtures) {
            return template.replace("{campaignId}", fixtures.campaign()).replace("{unitCode}", fixtures.unit())
                    .replace("{pointId}", fixtures.point()).replace("{participantId}", fixtures.participant())
                    .replace("{officerId}", fixtures.officer());
        }

        @Override
        public String toString() {
            return "POST " + template;
        }
    }

    record Fixtures(String campaign, String unit, String point, String participant, String officer,
                    LocalDate start) {
    }

    private CommandEndpoints() {
    }

    static List<Endpoint> all(Fixtures f) {
        String day = f.start().plusDays(2).toString();
        String unitPath = "/api/campaigns/{campaignId}/units/{unitCode}";
        return List.of(
                new Endpoint("/api/campaigns", () -> launch(f), Set.of()),
                new Endpoint("/api/campaigns/{campaignId}/close", () -> object(Map.of("occurredOn", day)), Set.of()),
                new Endpoint("/api/campaigns/{campaignId}/support-points", () -> object(Map.of(
                        "pointId", fresh("sp"), "unitCode", f.unit(), "location", "Nhà văn hoá tổ 5",
                        "occurredOn", day)), Set.of()),
                new Endpoint("/api/campaigns/{campaignId}/support-points/{pointId}/sessions", () -> object(Map.of(
                        "peopleServed", Map.of("ELDERLY", 3, "DISABLED", 2), "services", List.of("VNeID", "iHanoi"),
                        "occurredOn", day)), Set.of()),
                new Endpoint("/api/campaigns/{campaignId}/support-points/{pointId}/close",
                        () -> object(Map.of("occurredOn", day)), Set.of()),
                new Endpoint("/api/campaigns/{campaignId}/participants", () -> object(Map.of(
                        "participantId", fresh("p"), "unitCode", f.unit(), "role", "OFFICIAL", "occurredOn", day)),
                        Set.of("teamId")),
                new Endpoint("/api/campaigns/{campaignId}/participants/{participantId}/course-completions",
                        () -> object(Map.of("course", "IHANOI", "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/it-officers", () -> object(Map.of(
                        "officerId", fresh("o"), "employment", "STAFF", "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/it-officers/{officerId}/release",
                        () -> object(Map.of("occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/community-teams", () -> object(Map.of("teamId", fresh("t"),
                        "residentialGroup", "Tổ dân phố 12", "memberCount", 12, "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/rescue-teams", () -> object(Map.of("teamId", fresh("r"),
                        "memberCount", 5, "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/connectivity-upgrades", () -> object(Map.of(
                        "servicePoint", "Trạm " + fresh("s"), "technology", "FIXED_BROADBAND", "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/residential-group-assessments", () -> object(Map.of(
                        "residentialGroup", "Tổ " + fresh("g"), "needLevel", "HIGH", "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/student-volunteers", () -> object(Map.of(
                        "institution", "Đại học Bách khoa " + fresh("i"), "count", 40,
                        "periodFrom", day, "periodTo", f.start().plusDays(9).toString(), "occurredOn", day)),
                        Set.of()),
                new Endpoint(unitPath + "/telecom-engineers", () -> object(Map.of(
                        "operator", "VNPT " + fresh("e"), "count", 6, "occurredOn", day)), Set.of()),
                new Endpoint(unitPath + "/model-practices", () -> object(Map.of("practiceId", fresh("m"),
                        "title", "Chợ 4.0", "description", "Thanh toán không tiền mặt\ntại chợ dân sinh",
                        "occurredOn", day)), Set.of()));
    }

    private static ObjectNode launch(Fixtures f) {
        return object(Map.of("campaignId", fresh("c"), "name", "Chiến dịch thử", "directive", "Chỉ thị 11/CT-UBND",
                "startDate", f.start().toString(), "durationDays", 45, "timeZone", "Asia/Ho_Chi_Minh",
                "targets", List.of(Map.of("metric", "IT_OFFICER_COVERAGE", "goal", 100)),
                "courses", List.of("ONETOUCH_DIGITAL_SKILLS", "IHANOI"),
                "requiredCourses", Map.of("OFFICIAL", List.of("ONETOUCH_DIGITAL_SKILLS")),
                "units", List.of(Map.of("code", "00004", "name", "Phường Ba Đình", "kind", "WARD",
                        "population", 65023))));
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static ObjectNode object(Map<String, Object> fields) {
        return JSON.valueToTree(new java.util.TreeMap<>(fields));
    }
}
