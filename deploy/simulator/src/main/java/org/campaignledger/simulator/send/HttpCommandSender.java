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

    /**
     * Sends one command's request and reads its answer: the JDK's {@code HttpClient} unless a caller brings its own
     * (the bench measures the server with a cheaper client). Called from every worker thread at once.
     */
    public interface Transport {

        /**
         * @param path the command's path under the base URI
         * @param headers the request's headers, Content-Type and Accept included
         * @param json the request's body
         */
        Answer post(String path, Map<String, String> headers, String json) throws IOException, InterruptedException;
    }

    /** An answer's status, and its body (which a caller may leave null for a 2xx). */
    public record Answer(int status, String body) {
    }

    private final Transport transport;
    private final RetryPolicy retry;
    private final Map<String, String> headers;
    private static final ObjectMapper JSON = new ObjectMapper();

    public HttpCommandSender(URI baseUri) {
        this(baseUri, RetryPolicy.standard(), Map.of());
    }

    /** @param headers sent with every request, e.g. {@code Authorization} */
    public HttpCommandSender(URI baseUri, RetryPolicy retry, Map<String, String> headers) {
        this(jdkClient(baseUri), retry, headers);
    }

    /** @param headers sent with every request, e.g. {@code Authorization} */
    public HttpCommandSender(Transport transport, RetryPolicy retry, Map<String, String> headers) {
        this.transport = transport;
        this.retry = retry;
        this.headers = new LinkedHashMap<>();
        this.headers.put("Content-Type", "application/json");
        this.headers.put("Accept", "application/json, application/problem+json");
        this.headers.putAll(headers);
    }

    private static Transport jdkClient(URI baseUri) {
        String base = baseUri.toString();
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return (path, headers, json) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        };
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
        String json = route.body().toString();
        Map<String, String> requestHeaders = headers;
        if (idempotencyKey != null) {
            requestHeaders = new LinkedHashMap<>(headers);
            requestHeaders.put(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        String lastProblem = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(retry.backoffAfter(attempt - 1))) {
                return Outcome.failed("interrupted while waiting to retry " + route.path());
            }
            try {
                Answer answer = transport.post(route.path(), requestHeaders, json);
                Outcome outcome = outcomeOf(answer.status(), answer.body(), route.path());
                if (outcome != null) {
                    return outcome;
                }
                lastProblem = "HTTP " + answer.status() + " from " + route.path();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + " on " + route.path() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted while sending to " + route.path());
            }
        }
        return Outcome.failed(lastProblem + " (gave up after " + retry.maxAttempts() + " attempts)");
    }

    /**
     * 2xx is accepted; a 4xx is a rejection, typed by the problem's {@code type}; 502/503/504/429 are worth a retry
     * (null); anything else failed.
     */
    private static Outcome outcomeOf(int status, String body, String path) {
        if (status >= 200 && status < 300) {
            return Outcome.accepted();
        }
        if (status == 502 || status == 503 || status == 504 || status == 429) {
            return null;
        }
        if (status >= 400 && status < 500) {
            return rejection(status, body);
        }
        return Outcome.failed("HTTP " + status + " from " + path + ": " + abbreviate(body));
    }

    private static Outcome rejection(int status, String body) {
        try {
            JsonNode problem = JSON.readTree(body);
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
