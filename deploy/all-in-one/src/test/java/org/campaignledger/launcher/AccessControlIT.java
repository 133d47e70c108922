package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every boundary of access control (#6), over real HTTP on the all-in-one application: who may write where,
 * who may read whose personal data, what a token must be, and forgetting a person. The demo's users
 * (password = name): department, officer (units 00070 and 00082), auditor, viewer; JWTs are signed with a
 * key made for this test, roles read from a Keycloak-style {@code realm_access.roles} claim.
 */
@SpringBootTest(classes = CampaignLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "campaign-ledger.security.jwt.roles-claim=realm_access.roles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {

    private static final LocalDate START = LocalDate.of(2025, 7, 24);
    private static final RSAKey KEY = newKey();
    private static final RSAKey OTHER_KEY = newKey();
    private static final String OWN_UNIT = "00070";
    private static final String OTHER_UNIT = "00004";

    /** The issuer's public key as an operator configures it (Spring Boot's resource-server property). */
    @DynamicPropertySource
    static void tokensSignedByTheTest(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        pem.toFile().deleteOnExit();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    private final String campaign = "acl-" + UUID.randomUUID().toString().substring(0, 8);
    private final String ownParticipant = campaign + "-own-p";
    private final String otherParticipant = campaign + "-other-p";
    private final String ownOfficer = campaign + "-own-o";
    private final String otherPoint = campaign + "-other-sp";
    private final String ownName = "Nguyễn Văn An " + campaign;
    private final String otherName = "Trần Thị Bình " + campaign;
    private final String officerName = "Lê Văn Cường " + campaign;

    @BeforeAll
    void recordACampaignWithPeopleInTwoUnits() {
        expect(as("department").postForEntity("/api/campaigns", body("""
                {"campaignId":"%s","name":"Access","directive":"Chỉ thị 11/CT-UBND","startDate":"%s",
                 "durationDays":45,"timeZone":"Asia/Ho_Chi_Minh","targets":[{"metric":"OFFICIALS_TRAINED","goal":100}],
                 "courses":["ONETOUCH_DIGITAL_SKILLS"],"requiredCourses":{"OFFICIAL":["ONETOUCH_DIGITAL_SKILLS"]},
                 "units":[{"code":"%s","name":"Phường Hoàn Kiếm","kind":"WARD"},
                          {"code":"%s","name":"Phường Ba Đình","kind":"WARD"}]}""".formatted(campaign, START, OWN_UNIT,
                OTHER_UNIT)), String.class), HttpStatus.CREATED);
        String people = "/api/campaigns/" + campaign + "/participants";
        expect(as("department").postForEntity(people, enrol(ownParticipant, OWN_UNIT), String.class), HttpStatus.CREATED);
        expect(as("department").postForEntity(people, enrol(otherParticipant, OTHER_UNIT), String.class),
                HttpStatus.CREATED);
        expect(as("department").postForEntity(unit(OWN_UNIT) + "/it-officers", body("""
                {"officerId":"%s","employment":"STAFF","occurredOn":"%s"}""".formatted(ownOfficer, START)),
                String.class), HttpStatus.CREATED);
        expect(as("department").postForEntity("/api/campaigns/" + campaign + "/support-points", body("""
                {"pointId":"%s","unitCode":"%s","location":"Nhà văn hoá","occurredOn":"%s"}"""
                .formatted(otherPoint, OTHER_UNIT, START)), String.class), HttpStatus.CREATED);
        expect(as("officer").exchange(name(OWN_UNIT, "participants", ownParticipant), HttpMethod.PUT,
                body("{\"fullName\":\"%s\",\"contact\":\"0912 345 678\"}".formatted(ownName)), String.class),
                HttpStatus.NO_CONTENT);
        expect(as("department").exchange(name(OTHER_UNIT, "participants", otherParticipant), HttpMethod.PUT,
                body("{\"fullName\":\"%s\"}".formatted(otherName)), String.class), HttpStatus.NO_CONTENT);
        expect(as("officer").exchange(name(OWN_UNIT, "it-officers", ownOfficer), HttpMethod.PUT,
                body("{\"fullName\":\"%s\"}".formatted(officerName)), String.class), HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(60)).until(() -> as("auditor").getForObject(
                "/api/campaigns/{c}/evaluation?unit={u}", String.class, campaign, OTHER_UNIT).contains(otherParticipant));
    }

    @Test
    void aUnitOfficerRecordsForTheirOwnUnitsAndIsRefusedEverywhereElseWithNothingWritten() {
        long events = events();
        List<ResponseEntity<String>> refused = new ArrayList<>();
        refused.add(as("officer").postForEntity(unit(OTHER_UNIT) + "/community-teams", body("""
                {"teamId":"t-x","residentialGroup":"Tổ 1","memberCount":12,"occurredOn":"%s"}""".formatted(START)),
                String.class));
        refused.add(as("officer").postForEntity("/api/campaigns/" + campaign + "/participants",
                enrol(campaign + "-smuggled", OTHER_UNIT), String.class));
        refused.add(as("officer").postForEntity("/api/campaigns/" + campaign + "/participants/" + otherParticipant
                + "/course-completions", body("""
                {"course":"ONETOUCH_DIGITAL_SKILLS","occurredOn":"%s"}""".formatted(START.plusDays(3))), String.class));
        refused.add(as("officer").postForEntity("/api/campaigns/" + campaign + "/support-points/" + otherPoint
                + "/sessions", body("""
                {"peopleServed":{"ELDERLY":3},"services":["VNeID"],"occurredOn":"%s"}""".formatted(START.plusDays(2))),
                String.class));
        refused.add(as("officer").exchange(name(OTHER_UNIT, "participants", otherParticipant), HttpMethod.PUT,
                body("{\"fullName\":\"Someone else\"}"), String.class));
        for (ResponseEntity<String> answer : refused) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody()).contains("/problems/unit-not-permitted", OTHER_UNIT);
        }
        // the department's own acts are not theirs either
        expect(as("officer").postForEntity("/api/campaigns/" + campaign + "/close",
                body("{\"occurredOn\":\"%s\"}".formatted(START.plusDays(44))), String.class), HttpStatus.FORBIDDEN);

        // a CSV row for another unit's participant is reported and not applied; the own unit's row is
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.valueOf("text/csv"));
        JsonNode report = read(as("officer").postForEntity("/api/campaigns/" + campaign + "/imports/course-completions",
                new HttpEntity<>("participant_id,course,completed_on\n%s,ONETOUCH_DIGITAL_SKILLS,%s\n%s,ONETOUCH_DIGITAL_SKILLS,%s\n"
                        .formatted(otherParticipant, START.plusDays(4), ownParticipant, START.plusDays(4)), csv),
                String.class).getBody());
        assertThat(report.path("applied").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.toString()).contains("unit-not-permitted");
        assertThat(events()).as("only the own unit's completion was written").isEqualTo(events + 1);

        ResponseEntity<String> own = as("officer").postForEntity(unit(OWN_UNIT) + "/rescue-teams", body("""
                {"teamId":"%s-r","memberCount":5,"occurredOn":"%s"}""".formatted(campaign, START)), String.class);
        expect(own, HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class,
                campaign + "/" + OWN_UNIT)).contains("\"principal\":\"officer\"", "\"role\":\"UNIT_OFFICER\"")
                .doesNotContain("\"units\"");
    }

    @Test
    void anAuditorReadsTheAuditTrailAndPersonalDataButCannotWriteAnything() throws Exception {
        long events = events();
        JsonNode api = read(as("auditor").getForObject("/v3/api-docs", String.class));
        int writes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put")) {
                if (path.getValue().has(method)) {
                    ResponseEntity<String> answer = as("auditor").exchange(fill(path.getKey()),
                            HttpMethod.valueOf(method.toUpperCase()), body("{}"), String.class);
                    assertThat(answer.getStatusCode()).as(method + " " + path.getKey()).isEqualTo(HttpStatus.FORBIDDEN);
                    writes++;
                }
            }
        }
        assertThat(writes).as("every write endpoint was tried").isGreaterThan(15);
        assertThat(events()).isEqualTo(events);
        assertThat(as("auditor").getForObject("/api/audit/events?campaign={c}", String.class, campaign))
                .contains(ownParticipant);
        assertThat(as("auditor").getForObject("/api/campaigns/{c}/evaluation?unit={u}", String.class, campaign, OWN_UNIT))
                .contains(ownName);
        assertThat(as("auditor").getForObject("/api/people/participants/{p}", String.class, ownParticipant))
                .contains(ownName, "0912 345 678");
        // a unit officer reads the people of their own units only
        expect(as("officer").getForEntity("/api/campaigns/{c}/evaluation?unit={u}", String.class, campaign, OWN_UNIT),
                HttpStatus.OK);
        expect(as("officer").getForEntity("/api/campaigns/{c}/evaluation?unit={u}", String.class, campaign, OTHER_UNIT),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aViewerGetsNoPersonalDataFromAnyReadEndpointOrPage() throws Exception {
        List<String> personal = List.of(ownParticipant, otherParticipant, ownOfficer, ownName, otherName, officerName,
                "0912 345 678");
        assertThat(as("department").getForObject("/api/campaigns/{c}/units/{u}", String.class, campaign, OWN_UNIT))
                .as("the department sees the officer").contains(ownOfficer, officerName);
        JsonNode api = read(as("viewer").getForObject("/v3/api-docs", String.class));
        int reads = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : get.path("parameters")) {
                // "params" is the audit trail's free-form filter map: its campaign filter is added below
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()
                        && !parameter.path("name").asText().equals("params")) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
                            .append(value(parameter.path("name").asText()));
                }
            }
            for (String accept : List.of("application/json", "text/csv", "application/x-ndjson")) {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.ACCEPT, accept);
                ResponseEntity<String> answer = as("viewer").exchange(fill(path.getKey()) + query
                                + (path.getKey().startsWith("/api/audit/events") ? "?campaign=" + campaign : ""),
                        HttpMethod.GET, new HttpEntity<>(headers), String.class);
                assertThat(answer.getStatusCode().value()).as("GET " + path.getKey() + " " + answer.getBody())
                        .isIn(200, 403, 406);
                assertThat(answer.getBody() == null ? "" : answer.getBody()).as("GET " + path.getKey() + " as " + accept)
                        .doesNotContain(personal);
                reads++;
            }
        }
        assertThat(reads).as("every read endpoint was tried").isGreaterThan(30);
        for (String page : List.of("/dashboard/campaigns", "/dashboard/campaigns/" + campaign,
                "/dashboard/campaigns/" + campaign + "/timeline", "/dashboard/campaigns/" + campaign + "/units",
                "/dashboard/campaigns/" + campaign + "/units/" + OWN_UNIT, "/dashboard/campaigns/" + campaign + "/map",
                "/dashboard/campaigns/" + campaign + "/compare", "/dashboard/audit?campaign=" + campaign)) {
            ResponseEntity<String> answer = as("viewer").getForEntity(page, String.class);
            assertThat(answer.getStatusCode().value()).as(page).isIn(200, 403);
            assertThat(answer.getBody()).as(page).doesNotContain(personal);
        }
        expect(as("viewer").getForEntity("/dashboard/audit", String.class), HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenMustBeSignedByTheIssuerAndUnexpiredAndItsClaimsGiveRoleAndUnits() throws Exception {
        String good = token(KEY, "lan", List.of("UNIT_OFFICER", "offline_access"), List.of(OWN_UNIT), Instant.now().plusSeconds(300));
        ResponseEntity<String> recorded = bearer(good, unit(OWN_UNIT) + "/connectivity-upgrades", """
                {"servicePoint":"UBND","technology":"FIXED_BROADBAND","occurredOn":"%s"}""".formatted(START));
        expect(recorded, HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class,
                campaign + "/" + OWN_UNIT)).contains("\"principal\":\"lan\"", "\"role\":\"UNIT_OFFICER\"");
        expect(bearer(good, unit(OTHER_UNIT) + "/connectivity-upgrades", """
                {"servicePoint":"UBND","technology":"FIXED_BROADBAND","occurredOn":"%s"}""".formatted(START)), HttpStatus.FORBIDDEN);

        long events = events();
        String body = """
                {"servicePoint":"UBND","technology":"FIXED_BROADBAND","occurredOn":"%s"}""".formatted(START);
        for (String bad : List.of(
                token(KEY, "lan", List.of("UNIT_OFFICER"), List.of(OWN_UNIT), Instant.now().minusSeconds(120)),
                token(OTHER_KEY, "lan", List.of("UNIT_OFFICER"), List.of(OWN_UNIT), Instant.now().plusSeconds(300)),
                "not.a.token")) {
            ResponseEntity<String> answer = bearer(bad, unit(OWN_UNIT) + "/connectivity-upgrades", body);
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> nobody = anonymous.postForEntity(unit(OWN_UNIT) + "/connectivity-upgrades", body(body),
                String.class);
        expect(nobody, HttpStatus.UNAUTHORIZED);
        assertThat(nobody.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(nobody.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("Basic");
        expect(anonymous.withBasicAuth("officer", "wrong").postForEntity(unit(OWN_UNIT) + "/connectivity-upgrades",
                body(body), String.class), HttpStatus.UNAUTHORIZED);
        expect(anonymous.getForEntity("/api/campaigns", String.class), HttpStatus.UNAUTHORIZED);
        assertThat(events()).isEqualTo(events);

        // anonymous: the health endpoint, and the dashboard only as far as its login page
        ResponseEntity<String> health = anonymous.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).as("UP, or DOWN while projections catch up: never 401").isIn(200, 503);
        assertThat(health.getBody()).contains("\"status\"");
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = anonymous.exchange("/dashboard/campaigns", HttpMethod.GET, new HttpEntity<>(html),
                String.class);
        assertThat(page.getBody()).as("redirected to the login page").contains("id=\"login-form\"")
                .doesNotContain(campaign);
    }

    @Test
    void aNameThatIsNotANameIsRefusedAndNothingIsStored() {
        String person = campaign + "-unnamed";
        for (String bad : List.of("{}", "{\"fullName\":\"\"}", "{\"fullName\":\"A\\u0000B\"}",
                "{\"fullName\":\"%s\"}".formatted("x".repeat(201)), "{\"fullName\":\"An\",\"contact\":\"a\\nb\"}",
                "{\"fullName\":42}", "[\"An\"]", "not json")) {
            ResponseEntity<String> answer = as("department").exchange(name(OWN_UNIT, "participants", person),
                    HttpMethod.PUT, body(bad), String.class);
            assertThat(answer.getStatusCode()).as(bad + " → " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        expect(as("department").exchange(name(OWN_UNIT, "people-who-do-not-exist", person), HttpMethod.PUT,
                body("{\"fullName\":\"An\"}"), String.class), HttpStatus.BAD_REQUEST);
        expect(as("department").exchange("/api/campaigns/" + campaign + "/units/99999/people/participants/" + person,
                HttpMethod.PUT, body("{\"fullName\":\"An\"}"), String.class), HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data WHERE person_id = ?", Long.class, person))
                .isZero();
    }

    @Test
    void onlyTheDepartmentAdministersProjections() {
        for (String user : List.of("officer", "auditor", "viewer")) {
            expect(as(user).postForEntity("/api/admin/projections/progress/rebuild", body("{}"), String.class),
                    HttpStatus.FORBIDDEN);
            expect(as(user).getForEntity("/api/admin/projections", String.class), HttpStatus.FORBIDDEN);
        }
        expect(as("department").getForEntity("/api/admin/projections", String.class), HttpStatus.OK);
    }

    @Test
    void forgettingAPersonErasesTheirNameButNotTheirFactsOrTheCounts() {
        long enrolledBefore = read(as("viewer").getForObject("/api/campaigns/{c}/summary", String.class, campaign))
                .path("cityWide").path("staffEnrolled").asLong();
        long factsOfThePerson = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, otherParticipant);
        String forget = "/api/people/participants/" + otherParticipant + "/forget";
        expect(as("officer").postForEntity(forget, null, String.class), HttpStatus.FORBIDDEN);
        expect(as("auditor").postForEntity(forget, null, String.class), HttpStatus.FORBIDDEN);
        expect(as("department").postForEntity(forget, null, String.class), HttpStatus.OK);

        JsonNode evaluation = read(as("auditor").getForObject("/api/campaigns/{c}/evaluation?unit={u}", String.class,
                campaign, OTHER_UNIT));
        JsonNode person = evaluation.path("participants").get(0);
        assertThat(person.path("participantId").asText()).isEqualTo(otherParticipant);
        assertThat(person.path("nameErased").asBoolean()).isTrue();
        assertThat(person.has("name")).isFalse();
        assertThat(evaluation.toString()).doesNotContain(otherName);
        JsonNode record = read(as("auditor").getForObject("/api/people/participants/{p}", String.class, otherParticipant));
        assertThat(record.path("erased").asBoolean()).isTrue();
        assertThat(record.path("erasedBy").asText()).isEqualTo("department");
        assertThat(record.path("records")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data WHERE person_id = ?", Long.class,
                otherParticipant)).isZero();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, otherParticipant)).as("the person's facts stay").isEqualTo(factsOfThePerson);
        assertThat(read(as("viewer").getForObject("/api/campaigns/{c}/summary", String.class, campaign))
                .path("cityWide").path("staffEnrolled").asLong()).as("the person still counts").isEqualTo(enrolledBefore);
        assertThat(evaluation.path("participants")).as("and is still evaluated").hasSize(1);
        assertThat(as("auditor").getForObject("/api/audit/events?campaign={c}", String.class, campaign))
                .doesNotContain(otherName);
        JsonNode verified = read(as("auditor").getForObject("/api/audit/verify", String.class));
        assertThat(verified.path("intact").asBoolean()).as("the chain still verifies: " + verified).isTrue();
        expect(as("department").postForEntity(forget, null, String.class), HttpStatus.CONFLICT);
        ResponseEntity<String> renamed = as("department").exchange(name(OTHER_UNIT, "participants", otherParticipant),
                HttpMethod.PUT, body("{\"fullName\":\"%s\"}".formatted(otherName)), String.class);
        expect(renamed, HttpStatus.CONFLICT);
        assertThat(renamed.getBody()).contains("/problems/person-forgotten");
    }

    // --- helpers ---

    @Test
    void signingInNeverRehashesAStoredPasswordAndAWrongOneIsAlwaysRefused() {
        // with a user-details bean that can store passwords, Spring re-hashes the demo's cost-4 hashes at cost 10
        // on the first sign-in: ~80 ms of CPU on every later Basic request (found by the bench, issue 8)
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsPasswordService.class))
                .isEmpty();
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
        for (int i = 0; i < 3; i++) {
            expect(as("viewer").getForEntity("/api/campaigns", String.class), HttpStatus.OK);
            expect(anonymous.withBasicAuth("viewer", "viewer ").getForEntity("/api/campaigns", String.class),
                    HttpStatus.UNAUTHORIZED);
        }
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    private ResponseEntity<String> bearer(String token, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return anonymous.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String token(RSAKey key, String user, List<String> roles, List<String> units, Instant expires)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .claim("units", units)
                .issueTime(Date.from(expires.minusSeconds(600)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String fill(String template) {
        String path = template.replace("{processingGroup}", "progress").replace("{campaignId}", campaign).replace("{unitCode}", OWN_UNIT)
                .replace("{participantId}", ownParticipant).replace("{pointId}", otherPoint)
                .replace("{officerId}", ownOfficer).replace("{name}", "progress").replace("{kind}", "participants")
                .replace("{personId}", ownParticipant).replace("{path}", "Participant/" + ownParticipant)
                .replace("{*path}", "Participant/" + ownParticipant);
        assertThat(path).as("every path variable of " + template + " has a value: teach the test").doesNotContain("{");
        return path;
    }

    private String value(String queryParameter) {
        return switch (queryParameter) {
            case "unit" -> OWN_UNIT;
            case "from" -> START.toString();
            case "to" -> START.plusDays(10).toString();
            default -> throw new AssertionError("no value for the required query parameter " + queryParameter
                    + ": teach the test, so that no endpoint goes untried");
        };
    }

    private String unit(String code) {
        return "/api/campaigns/" + campaign + "/units/" + code;
    }

    private String name(String unit, String kind, String person) {
        return "/api/campaigns/" + campaign + "/units/" + unit + "/people/" + kind + "/" + person;
    }

    private HttpEntity<String> enrol(String participant, String unitCode) {
        return body("""
                {"participantId":"%s","unitCode":"%s","role":"OFFICIAL","occurredOn":"%s"}"""
                .formatted(participant, unitCode, START.plusDays(1)));
    }

    private static HttpEntity<String> body(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static void expect(ResponseEntity<String> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
    }
}
