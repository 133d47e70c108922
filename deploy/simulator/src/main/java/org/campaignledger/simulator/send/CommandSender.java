package org.campaignledger.simulator.send;

/**
 * Sends one command and waits for the platform's answer. Called from several worker threads at once;
 * never for two commands of the same aggregate at the same time.
 */
@FunctionalInterface
public interface CommandSender {

    /**
     * @param command one of the shared-api command records
     * @param idempotencyKey the same for every retry of this command, different for every other command
     * @return accepted, rejected with a problem type, or failed; never throws for a rejection
     */
    Outcome send(Object command, String idempotencyKey);
}
