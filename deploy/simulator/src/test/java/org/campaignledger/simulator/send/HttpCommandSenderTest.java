package org.campaignledger.simulator.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.support.CloseSupportPointCommand;
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
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCommandSenderTest {

    private static final CampaignId HANOI = new CampaignId("hanoi-2025");
    private static final AdministrativeUnitId BA_DINH = new AdministrativeUnitId(HANOI, new UnitCode("00004"));
    private static final LocalDate DAY_3 = LocalDate.of(2025, 7, 26);
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));

    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private HttpServer server;
    private HttpCommandSender sender;

    record Received(String method, String path, String contentType, String idempotencyKey, String body) {
    }

    record Answer(int status, String contentType, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Answer answer;
            synchronized (answers) {
                answer = answers.isEmpty() ? new Answer(201, "application/json", "{\"aggregateId\":\"x\",\"version\":0}")
                        : answers.poll();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        sender = new HttpCommandSender(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), QUICK,
                Map.of("Authorization", "Bearer test"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void postsEachUnitFactToItsUnitsPathWithTheFieldsTheApiExpects() throws IOException {
        expectRoute(new AssignITOfficerCommand(BA_DINH, new OfficerId("it-1"), Employment.CONTRACTED, DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/it-officers",
                "{\"officerId\":\"it-1\",\"employment\":\"CONTRACTED\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new ReleaseITOfficerCommand(BA_DINH, new OfficerId("it-1"), DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/it-officers/it-1/release",
                "{\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new FormCommunityDigitalTeamCommand(BA_DINH, new TeamId("ct-1"), "Tổ dân phố 5", 12, DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/community-teams",
                "{\"teamId\":\"ct-1\",\"residentialGroup\":\"Tổ dân phố 5\",\"memberCount\":12,\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new FormTechRescueTeamCommand(BA_DINH, new TeamId("rt-1"), 7, DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/rescue-teams",
                "{\"teamId\":\"rt-1\",\"memberCount\":7,\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new RecordConnectivityUpgradeCommand(BA_DINH, "Bộ phận một cửa", ConnectivityTechnology.FIVE_G,
                        DAY_3), "/api/campaigns/hanoi-2025/units/00004/connectivity-upgrades",
                "{\"servicePoint\":\"Bộ phận một cửa\",\"technology\":\"FIVE_G\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new AssessResidentialGroupCommand(BA_DINH, "Tổ dân phố 5", NeedLevel.HIGH, DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/residential-group-assessments",
                "{\"residentialGroup\":\"Tổ dân phố 5\",\"needLevel\":\"HIGH\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new MobiliseStudentVolunteersCommand(BA_DINH, "Đại học Thủy lợi", 9, DAY_3, DAY_3.plusDays(7),
                        DAY_3), "/api/campaigns/hanoi-2025/units/00004/student-volunteers",
                "{\"institution\":\"Đại học Thủy lợi\",\"count\":9,\"periodFrom\":\"2025-07-26\","
                        + "\"periodTo\":\"2025-08-02\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new DeployTelecomEngineersCommand(BA_DINH, "VNPT", 3, DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/telecom-engineers",
                "{\"operator\":\"VNPT\",\"count\":3,\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new NominateModelPracticeCommand(BA_DINH, new PracticeId("mp-1"), "Title", "Why", DAY_3),
                "/api/campaigns/hanoi-2025/units/00004/model-practices",
                "{\"practiceId\":\"mp-1\",\"title\":\"Title\",\"description\":\"Why\",\"occurredOn\":\"2025-07-26\"}");
    }

    @Test
    void postsParticipantsSupportPointsAndTheCampaignsOwnCommands() throws IOException {
        expectRoute(new EnrolParticipantCommand(new ParticipantId("tm-1"), HANOI, new UnitCode("00004"),
                        ParticipantRole.TEAM_MEMBER, new TeamId("ct-1"), DAY_3),
                "/api/campaigns/hanoi-2025/participants",
                "{\"participantId\":\"tm-1\",\"unitCode\":\"00004\",\"role\":\"TEAM_MEMBER\",\"teamId\":\"ct-1\","
                        + "\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new EnrolParticipantCommand(new ParticipantId("st-1"), HANOI, new UnitCode("00004"),
                        ParticipantRole.OFFICIAL, null, DAY_3),
                "/api/campaigns/hanoi-2025/participants",
                "{\"participantId\":\"st-1\",\"unitCode\":\"00004\",\"role\":\"OFFICIAL\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new CompleteCourseCommand(new ParticipantId("hanoi-2025:st-1"), HANOI, new CourseCode("IHANOI"),
                        DAY_3), "/api/campaigns/hanoi-2025/participants/hanoi-2025:st-1/course-completions",
                "{\"course\":\"IHANOI\",\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new OpenSupportPointCommand(new SupportPointId("sp-1"), HANOI, new UnitCode("00004"),
                        "Nhà văn hóa", DAY_3), "/api/campaigns/hanoi-2025/support-points",
                "{\"pointId\":\"sp-1\",\"unitCode\":\"00004\",\"location\":\"Nhà văn hóa\",\"occurredOn\":\"2025-07-26\"}");
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        served.put(PriorityGroup.ELDERLY, 4);
        served.put(PriorityGroup.OTHER, 2);
        expectRoute(new RecordSupportSessionCommand(new SupportPointId("sp-1"), HANOI, served,
                        List.of("iHanoi app", "VNeID level-2 activation"), DAY_3),
                "/api/campaigns/hanoi-2025/support-points/sp-1/sessions",
                "{\"peopleServed\":{\"ELDERLY\":4,\"OTHER\":2},\"services\":[\"iHanoi app\",\"VNeID level-2 activation\"],"
                        + "\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new CloseSupportPointCommand(new SupportPointId("sp-1"), HANOI, DAY_3),
                "/api/campaigns/hanoi-2025/support-points/sp-1/close", "{\"occurredOn\":\"2025-07-26\"}");
        expectRoute(new CloseCampaignCommand(HANOI, DAY_3), "/api/campaigns/hanoi-2025/close",
                "{\"occurredOn\":\"2025-07-26\"}");
    }

    @Test
    void launchesACampaignWithItsWholeDefinition() throws IOException {
        Outcome outcome = sender.send(HanoiCampaignDefinition.launchCommand(), "launch-1");

        assertThat(outcome.isAccepted()).isTrue();
        Received request = received.get(0);
        assertThat(request.path()).isEqualTo("/api/campaigns");
        var body = json.readTree(request.body());
        assertThat(body.get("campaignId").asText()).isEqualTo("hanoi-2025");
        assertThat(body.get("startDate").asText()).isEqualTo("2025-07-24");
        assertThat(body.get("durationDays").asInt()).isEqualTo(45);
        assertThat(body.get("timeZone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(body.get("units")).hasSize(126);
        assertThat(body.get("units").get(0).toString()).isEqualTo("{\"code\":\"00004\",\"name\":\"Phường Ba Đình\","
                + "\"kind\":\"WARD\",\"population\":65023,\"longitude\":105.838,\"latitude\":21.0386}");
        assertThat(body.get("requiredCourses").get("IT_OFFICER").toString())
                .isEqualTo("[\"ONETOUCH_DIGITAL_SKILLS\",\"AI_APPLICATIONS\"]");
        assertThat(body.get("targets").get(0).toString()).isEqualTo("{\"metric\":\"IT_OFFICER_COVERAGE\",\"goal\":100}");
        assertThat(body.get("courses")).hasSize(6);
    }

    @Test
    void retriesAnUnavailablePlatformWithTheSameIdempotencyKey() {
        answers.add(new Answer(503, "application/problem+json", "{\"type\":\"/problems/service-unavailable\"}"));
        answers.add(new Answer(502, "text/plain", "bad gateway"));

        Outcome outcome = sender.send(new CloseCampaignCommand(HANOI, DAY_3), "sim-42-0.01-7");

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(received).hasSize(3).allSatisfy(request -> assertThat(request.idempotencyKey()).isEqualTo("sim-42-0.01-7"));
    }

    @Test
    void answersARejectionWithTheSlugOfItsProblemType() {
        answers.add(new Answer(409, "application/problem+json", "{\"type\":\"/problems/course-already-completed\","
                + "\"title\":\"Course already completed\",\"status\":409,\"detail\":\"already on 2025-07-25\"}"));

        Outcome outcome = sender.send(new CloseCampaignCommand(HANOI, DAY_3), "k");

        assertThat(outcome).isEqualTo(Outcome.rejected("course-already-completed", "already on 2025-07-25"));
        assertThat(received).hasSize(1);
    }

    @Test
    void namesAnUntypedRejectionByItsStatus() {
        answers.add(new Answer(404, "text/html", "<html>no</html>"));

        assertThat(sender.send(new CloseCampaignCommand(HANOI, DAY_3), "k").problemType()).isEqualTo("http-404");
    }

    @Test
    void failsOnAServerErrorWithoutRetrying() {
        answers.add(new Answer(500, "application/problem+json", "{\"type\":\"/problems/internal-error\"}"));

        Outcome outcome = sender.send(new CloseCampaignCommand(HANOI, DAY_3), "k");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(received).hasSize(1);
    }

    @Test
    void failsAfterItsRetriesWhenNobodyListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpCommandSender nowhere = new HttpCommandSender(URI.create("http://127.0.0.1:" + closedPort), QUICK, Map.of());

        Outcome outcome = nowhere.send(new CloseCampaignCommand(HANOI, DAY_3), "k");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(outcome.detail()).contains("gave up after 3 attempts");
    }

    private void expectRoute(Object command, String path, String body) throws IOException {
        received.clear();

        Outcome outcome = sender.send(command, "key-" + path.hashCode());

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.idempotencyKey()).isEqualTo("key-" + path.hashCode());
        assertThat(json.readTree(request.body())).isEqualTo(json.readTree(body));
    }
}
