package org.campaignledger.query.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A buffer that lives as long as the unit of work of one processor batch. Handlers fold events into it;
 * it is flushed once, when the batch prepares to commit, inside the transaction that also stores the
 * processor's token, so projection rows and token can neither diverge nor be written twice.
 */
public final class BatchBuffer {

    private BatchBuffer() {
    }

    public static <T> T current(String key, Supplier<T> create, Consumer<T> flush) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T buffer = create.get();
            root.onPrepareCommit(unitOfWork -> flush.accept(buffer));
            return buffer;
        });
    }
}
