package org.campaignledger.command.rules;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.eventstore.MetadataKeys;

/**
 * Honours optimistic concurrency for every aggregate: a command whose metadata names an
 * {@code expectedVersion} (from HTTP {@code If-Match}) is rejected unless the aggregate is at exactly
 * that version. Versions are Axon's: the sequence number of the aggregate's last event. And checks, before
 * any handler runs, that the sender may record facts for the unit concerned ({@link UnitAccess}).
 */
public abstract class VersionedAggregate {

    @CommandHandlerInterceptor
    public Object checkAccessAndVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        UnitAccess.check(unitOf(command.getPayload()), command.getMetaData());
        Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (expected != null) {
            Long current = AggregateLifecycle.getVersion();
            if (current == null || current != Long.parseLong(expected.toString())) {
                throw new RuleViolation(Rule.VERSION_MISMATCH, "Expected version " + expected
                        + " but the aggregate is at " + (current == null ? "no version (it does not exist)" : current)
                        + ".");
            }
        }
        return chain.proceed();
    }

    /**
     * The unit a command records a fact for: named in the command, or the one this aggregate belongs to;
     * null when no unit is concerned (a campaign) or the aggregate does not exist yet (the handler rejects).
     */
    protected UnitCode unitOf(Object command) {
        return null;
    }

    /** The version after the events this handler applied: what the client may send as {@code If-Match}. */
    protected static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }
}
