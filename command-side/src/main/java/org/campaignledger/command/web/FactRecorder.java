package org.campaignledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.platform.database.DatabaseFailures;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.campaignledger.platform.web.FieldValidationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a fact's command with the request's metadata (who, correlation, idempotency key, client
 * time, expected version) and answers with the aggregate's new version. Retries with the same
 * {@code Idempotency-Key} get the first answer and record nothing: the key's row is written in the
 * command's transaction ({@link IdempotencyInterceptor}), so a retry runs, fails on it (or on the state the
 * first one left), and is answered from the row.
 */
@Component
public class FactRecorder {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String REQUEST_TIME_HEADER = "X-Request-Time";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final int CONCURRENCY_RETRIES = 3;

    private final CommandGateway gateway;
    private final IdempotencyRecords idempotencyRecords;
    private final ObjectMapper json;
    private final Principals principals;
    private final Duration timeout;

    FactRecorder(CommandGateway gateway, IdempotencyRecords idempotencyRecords, ObjectMapper json,
                 Principals principals, @Value("${campaign-ledger.command.timeout:30s}") Duration timeout) {
        this.gateway = gateway;
        this.idempotencyRecords = idempotencyRecords;
        this.json = json;
        this.principals = principals;
        this.timeout = timeout;
    }

    /**
     * @param command the command to send
     * @param aggregateId the id of the aggregate that records it (the answer names it)
     * @param request the request body as received, for the idempotency fingerprint
     * @param status the status of a successful answer
     */
    public ResponseEntity<Accepted> record(Object command, String aggregateId, Object request, HttpStatus status) {
        HttpServletRequest http = currentRequest();
        String principal = principals.name();
        String key = idempotencyKey(http);
        String fingerprint = fingerprint(http, request);
        Map<String, Object> metaData = metaData(http, principal, key, fingerprint);
        try {
            long version = send(command, metaData);
            return answer(status, aggregateId, version, metaData, false);
        } catch (RuntimeException failed) {
            // The key is looked up only when the command did not go through, not before every command (a round
            // trip per request, docs/PERFORMANCE.md B1). The key's row is inserted in the command's own
            // transaction, so a retry of a recorded request, or a concurrent request with the same key, recorded
            // nothing: it failed on the key, or was decided after the first one's fact (e.g. "team already
            // formed"), or on a changed version. Its answer is then the first one's. A command that failed because
            // the database cannot answer is a 503 whatever the key's row says, and looking it up would wait for a
            // connection once more (DatabaseOutageIT in CI: a 503 after three connection timeouts, 15 s; 12 s allowed).
            if (key == null || DatabaseFailures.isUnavailable(failed)) {
                throw failed;
            }
            return earlierAnswer(principal, key, failed)
                    .map(earlier -> replay(earlier, fingerprint, aggregateId, status))
                    .orElseThrow(() -> failed);
        }
    }

    /**
     * The recorded answer to this key, if any. A failing lookup is the answer itself: without it the command's own
     * failure cannot be told from a retry of a recorded request (a cached aggregate rejects "already completed"
     * without asking the database), so answering that failure could turn an acknowledged fact into a 409. A database
     * that cannot answer is a 503 to retry with the same key; the command's failure goes along as suppressed.
     */
    private Optional<IdempotencyRecord> earlierAnswer(String principal, String key, RuntimeException failed) {
        try {
            return idempotencyRecords.find(principal, key);
        } catch (RuntimeException lookupFailed) {
            lookupFailed.addSuppressed(failed);
            throw lookupFailed;
        }
    }

    private long send(Object command, Map<String, Object> metaData) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = gateway.sendAndWait(message, timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (result == null) {
                    throw notAnsweredInTime();
                }
                return ((Number) result).longValue();
            } catch (CommandExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    throw notAnsweredInTime();
                }
                throw e;
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                // another node appended to (or created) the same aggregate first: decide again on the new state
                if (attempt == CONCURRENCY_RETRIES || metaData.containsKey(MetadataKeys.EXPECTED_VERSION)) {
                    throw new RuleViolation(Rule.VERSION_MISMATCH,
                            "The aggregate was changed concurrently; read it again and retry.");
                }
            }
        }
    }

    /**
     * The database or the command bus is too slow (e.g. commands queued behind statements that run into the
     * statement timeout): a 503 to retry with the same Idempotency-Key, not a 500. The command may still be
     * recorded later; the key makes the retry find it rather than record it twice.
     */
    private QueryTimeoutException notAnsweredInTime() {
        return new QueryTimeoutException("The command was not answered within " + timeout.toMillis() + " ms");
    }

    private ResponseEntity<Accepted> replay(IdempotencyRecord earlier, String fingerprint, String aggregateId,
                                            HttpStatus status) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw new RuleViolation(Rule.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return answer(status, aggregateId, earlier.aggregateVersion(), Map.of(), true);
    }

    private static ResponseEntity<Accepted> answer(HttpStatus status, String aggregateId, long version,
                                                   Map<String, Object> metaData, boolean replayed) {
        var response = ResponseEntity.status(status).eTag("\"" + version + "\"");
        Object correlationId = metaData.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            response.header(CORRELATION_ID_HEADER, correlationId.toString());
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(new Accepted(aggregateId, version));
    }

    private Map<String, Object> metaData(HttpServletRequest http, String principal, String key, String fingerprint) {
        Map<String, Object> metaData = new HashMap<>(principals.metaData());
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId(http));
        metaData.put(MetadataKeys.RECEIVED_AT, Instant.now().toString());
        metaData.put(IdempotencyInterceptor.FINGERPRINT, fingerprint);
        if (key != null) {
            metaData.put(MetadataKeys.IDEMPOTENCY_KEY, key);
        }
        String requestedAt = requestedAt(http);
        if (requestedAt != null) {
            metaData.put(MetadataKeys.REQUESTED_AT, requestedAt);
        }
        Long expectedVersion = expectedVersion(http);
        if (expectedVersion != null) {
            metaData.put(MetadataKeys.EXPECTED_VERSION, expectedVersion);
        }
        return metaData;
    }

    private static String idempotencyKey(HttpServletRequest http) {
        String key = http.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new FieldValidationException(IDEMPOTENCY_KEY_HEADER,
                    "must be 1-200 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private static String correlationId(HttpServletRequest http) {
        String given = http.getHeader(CORRELATION_ID_HEADER);
        if (given != null && !given.isBlank() && given.length() <= 100
                && given.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

    /** The client's own time of the request: {@code X-Request-Time} (ISO instant), else the HTTP {@code Date}. */
    private static String requestedAt(HttpServletRequest http) {
        String given = http.getHeader(REQUEST_TIME_HEADER);
        if (given != null) {
            try {
                return Instant.parse(given).toString();
            } catch (DateTimeParseException e) {
                throw new FieldValidationException(REQUEST_TIME_HEADER, "must be an ISO-8601 instant");
            }
        }
        long date = http.getDateHeader(HttpHeaders.DATE);
        return date < 0 ? null : Instant.ofEpochMilli(date).toString();
    }

    private static Long expectedVersion(HttpServletRequest http) {
        String ifMatch = http.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FieldValidationException(HttpHeaders.IF_MATCH,
                    "must be an aggregate version as returned in ETag, e.g. \"3\"");
        }
    }

    private String fingerprint(HttpServletRequest http, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((http.getMethod() + " " + http.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
