package org.campaignledger.platform.eventstore;

/** The metadata every command carries and every event keeps: who, how, and when they asked. */
public final class MetadataKeys {

    /** The authenticated principal's name; absent for commands sent in-process (simulator, launcher). */
    public static final String PRINCIPAL = "principal";
    /** The principal's role when the command was accepted. */
    public static final String ROLE = "role";
    /** The client's {@code Idempotency-Key}, if it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The request's correlation id ({@code X-Correlation-Id}, or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The client's own time of the request ({@code X-Request-Time} or {@code Date}), if it sent one. */
    public static final String REQUESTED_AT = "requestedAt";
    /** When the server received the request. */
    public static final String RECEIVED_AT = "receivedAt";
    /** The aggregate version a client expects ({@code If-Match}); checked, not inherited by events. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** The unit codes a unit officer may record for, comma separated; checked, not inherited by events. */
    public static final String UNITS = "units";

    private MetadataKeys() {
    }
}
