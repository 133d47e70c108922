package org.campaignledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * B1's and B5's client reads every kind of answer to its end on one kept-alive connection: a body of known length,
 * a chunked one (how Spring writes the views), an error with its body, and a connection the server closes; it posts
 * commands' bodies; B1's transport gives each sender thread a connection of its own.
 */
class PlainHttpTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Integer> remotePorts = new CopyOnWriteArrayList<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            remotePorts.add(exchange.getRemoteAddress().getPort());
            String path = exchange.getRequestURI().toString();
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = (path.startsWith("/rejected") ? "{\"type\":\"/problems/team-already-formed\"}"
                        : "{\"version\":1}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(path.startsWith("/rejected") ? 409 : 201, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            byte[] body = ("x".repeat(100_000) + path).getBytes(StandardCharsets.UTF_8);
            if (path.startsWith("/close")) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            int status = path.startsWith("/missing") ? 404 : 200;
            // 0: chunked; otherwise the body's length
            exchange.sendResponseHeaders(status, path.startsWith("/chunked") ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < body.length; i += 7_000) {
                    out.write(body, i, Math.min(7_000, body.length - i));
                    out.flush();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsEachAnswerToItsEndOnOneConnection() throws Exception {
        try (PlainHttp http = new PlainHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            assertThat(http.get("/sized?a=1", "Bearer t")).isEqualTo(new PlainHttp.Answer(200, null));
            assertThat(http.get("/chunked", "Bearer t")).isEqualTo(new PlainHttp.Answer(200, null));
            assertThat(http.get("/sized?a=2", "Basic b")).isEqualTo(new PlainHttp.Answer(200, null));
            PlainHttp.Answer missing = http.get("/missing", "Bearer t");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorBody()).hasSize(100_000 + "/missing".length()).endsWith("x/missing");
        }
        assertThat(authorizations).containsExactly("Bearer t", "Bearer t", "Basic b", "Bearer t");
        assertThat(remotePorts).as("one kept-alive connection").containsOnly(remotePorts.get(0));
    }

    @Test
    void opensANewConnectionAfterTheServerClosedOne() throws Exception {
        try (PlainHttp http = new PlainHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            assertThat(http.get("/close", "Bearer t").status()).isEqualTo(200);
            assertThat(http.get("/sized", "Bearer t").status()).isEqualTo(200);
        }
        assertThat(remotePorts).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void postsBodiesOnOneConnectionAndKeepsOnlyAnErrorsBody() throws Exception {
        try (PlainHttp http = new PlainHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            byte[] team = "{\"teamId\":\"t-1\",\"note\":\"Tổ dân phố 1\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(http.post("/created", List.of("Content-Type: application/json", "Idempotency-Key: k-1",
                    "Authorization: Basic b"), team))
                    .isEqualTo(new PlainHttp.Answer(201, null));
            PlainHttp.Answer rejected = http.post("/rejected", List.of("Content-Type: application/json",
                    "Idempotency-Key: k-2"), team);
            assertThat(rejected.status()).isEqualTo(409);
            assertThat(rejected.errorBody()).contains("/problems/team-already-formed");
            assertThat(http.get("/sized", "Basic b").status()).isEqualTo(200);
        }
        String json = "{\"teamId\":\"t-1\",\"note\":\"Tổ dân phố 1\"}";
        assertThat(posted).containsExactly("application/json k-1 " + json, "application/json k-2 " + json);
        assertThat(authorizations).containsExactly("Basic b", null, "Basic b");
        assertThat(remotePorts).as("one kept-alive connection").containsOnly(remotePorts.get(0));
    }

    @Test
    void theTransportGivesEachSenderThreadItsOwnConnection() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        try (PlainHttpTransport transport = new PlainHttpTransport(base)) {
            Runnable twoCommands = () -> {
                for (int i = 0; i < 2; i++) {
                    try {
                        var answer = transport.post("/created", java.util.Map.of("Content-Type", "application/json",
                                "Idempotency-Key", "k"), "{}");
                        statuses.add(answer.status());
                    } catch (java.io.IOException e) {
                        statuses.add(-1);
                    }
                }
            };
            Thread first = new Thread(twoCommands);
            Thread second = new Thread(twoCommands);
            first.start();
            second.start();
            first.join();
            second.join();
        }
        assertThat(statuses).containsExactly(201, 201, 201, 201);
        assertThat(posted).hasSize(4).allSatisfy(post -> assertThat(post).isEqualTo("application/json k {}"));
        assertThat(remotePorts.stream().distinct().count()).as("a connection per thread").isEqualTo(2);
    }
}
