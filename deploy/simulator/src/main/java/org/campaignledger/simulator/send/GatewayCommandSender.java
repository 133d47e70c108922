package org.campaignledger.simulator.send;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends commands in-process through the caller's {@link CommandGateway} (the launcher's, or a test's).
 * Rejections are told from failures by a {@link RejectionClassifier}; by default command-side's rule
 * violations. A concurrent append to the same aggregate (another writer than this simulation) is retried.
 */
public final class GatewayCommandSender implements CommandSender {

    /** The metadata key command-side's audit trail reads the principal from. */
    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";

    private static final int CONCURRENCY_ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final RejectionClassifier classifier;
    private final Function<String, Map<String, ?>> metaData;
    private final long timeoutSeconds;

    /** Principal {@code simulator}; the idempotency key doubles as correlation id. */
    public GatewayCommandSender(CommandGateway gateway) {
        this(gateway, RejectionClassifier.ruleSlug(), GatewayCommandSender::defaultMetaData, 60);
    }

    /**
     * @param metaData the metadata of a command, given its idempotency key
     * @param timeoutSeconds how long to wait for an answer before counting a failure
     */
    public GatewayCommandSender(CommandGateway gateway, RejectionClassifier classifier,
                                Function<String, Map<String, ?>> metaData, long timeoutSeconds) {
        this.gateway = gateway;
        this.classifier = classifier;
        this.metaData = metaData;
        this.timeoutSeconds = timeoutSeconds;
    }

    public static Map<String, ?> defaultMetaData(String idempotencyKey) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PRINCIPAL, "simulator");
        if (idempotencyKey != null) {
            values.put(CORRELATION_ID, idempotencyKey);
        }
        return values;
    }

    @Override
    public Outcome send(Object command, String idempotencyKey) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData.apply(idempotencyKey)));
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = gateway.sendAndWait(message, timeoutSeconds, TimeUnit.SECONDS);
                if (result == null) {
                    return Outcome.failed("no answer within " + timeoutSeconds + " s to " + command.getClass().getSimpleName());
                }
                return Outcome.accepted();
            } catch (ConcurrencyException e) {
                if (attempt == CONCURRENCY_ATTEMPTS) {
                    return Outcome.failed("aggregate changed concurrently " + attempt + " times: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                Optional<String> problemType = classifier.problemType(e);
                return problemType.map(type -> Outcome.rejected(type, e.getMessage()))
                        .orElseGet(() -> Outcome.failed(e.getClass().getName() + ": " + e.getMessage()));
            }
        }
    }
}
