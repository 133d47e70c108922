package org.campaignledger.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignledger.platform.eventstore.MetadataKeys;

/**
 * Records the idempotency key of a command inside the command's own transaction, after the handler
 * accepted it and before its events are committed. A concurrent request with the same key then
 * fails on the primary key and its transaction, events included, rolls back.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String FINGERPRINT = "requestFingerprint";

    private final IdempotencyRecords records;

    IdempotencyInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
        if (key != null && result instanceof Long version) {
            records.insert(String.valueOf(command.getMetaData().get(MetadataKeys.PRINCIPAL)), key.toString(),
                    String.valueOf(command.getMetaData().get(FINGERPRINT)), version);
        }
        return result;
    }
}
