package org.campaignledger.simulator.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends commands to a running platform over its REST API ({@link HttpRoutes}), each with its
 * {@code Idempotency-Key}, so a retry after a lost answer is recorded once. 2xx is accepted; a 4xx
 * is a rejection, typed by the problem's {@code type}; 502/503/504/429 and connection errors are
 * retried with backoff; anything else fails.
 */
public final class HttpCommandSender implements CommandSender {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final URI baseUri;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final Map<String, String> headers;
    private final ObjectMapper json = new ObjectMapper();

    public HttpCommandSender(URI baseUri) {
        this(baseUri, RetryPolicy.standard(), Map.of());
    }

    /** @param headers sent with every request, e.g. {@code Authorization} */
    public HttpCommandSender(URI baseUri, RetryPolicy retry, Map<String, String> headers) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.retry = retry;
        this.headers = new LinkedHashMap<>(headers);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The header that signs every request as a configured user (HTTP Basic). */
    public static Map<String, String> basicAuthorization(String user, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + token);
    }

    @Override
    public Outcome send(Object command, String idempotencyKey) {
        HttpRoutes.Route route = HttpRoutes.of(command);
        HttpRequest request = request(route, idempotencyKey);
        String lastProblem = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(retry.backoffAfter(attempt - 1))) {
                return Outcome.failed("interrupted while waiting to retry " + route.path());
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return Outcome.accepted();
                }
                if (retriable(status)) {
                    lastProblem = "HTTP " + status + " from " + route.path();
                    continue;
                }
                if (status >= 400 && status < 500) {
                    return rejection(status, response.body());
                }
                return Outcome.failed("HTTP " + status + " from " + route.path() + ": " + abbreviate(response.body()));
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + " on " + route.path() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted while sending to " + route.path());
            }
        }
        return Outcome.failed(lastProblem + " (gave up after " + retry.maxAttempts() + " attempts)");
    }

    private HttpRequest request(HttpRoutes.Route route, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + route.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(route.body().toString()));
        if (idempotencyKey != null) {
            builder.header(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    private static boolean retriable(int status) {
        return status == 502 || status == 503 || status == 504 || status == 429;
    }

    private Outcome rejection(int status, String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("type") && !problem.get("type").asText().equals("about:blank")) {
                return Outcome.rejected(Outcome.slugOf(problem.get("type").asText()), problem.path("detail").asText(null));
            }
            if (problem != null && problem.hasNonNull("rule")) {
                return Outcome.rejected(problem.get("rule").asText(), problem.path("detail").asText(null));
            }
        } catch (IOException notJson) {
            // fall through: an untyped rejection
        }
        return Outcome.rejected("http-" + status, abbreviate(body));
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // back-off between retries of one command (its worker waits)
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
