package org.campaignledger.query.projection;

import java.util.Optional;
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

    private static final String FIRST_DELIVERY = BatchBuffer.class.getName() + ".firstDelivery";
    private static final String REPLAY_WRITER = BatchBuffer.class.getName() + ".replayWriter";

    private BatchBuffer() {
    }

    /**
     * Marks a unit of work as one in which every event arrives for the first time: a bulk replay into tables its
     * reset emptied, each event read once. Projections may then skip their checks for events delivered again.
     */
    public static void markFirstDelivery(UnitOfWork<?> unitOfWork) {
        unitOfWork.resources().put(FIRST_DELIVERY, Boolean.TRUE);
    }

    /** Whether the current unit of work was marked by {@link #markFirstDelivery}. */
    public static boolean firstDelivery() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(FIRST_DELIVERY);
    }

    /**
     * Lets a bulk replay's unit of work hand its writes to {@code writer} instead of writing them in its own
     * transaction: for projections that split a batch into folding and writing ({@link ReplayWriter}).
     */
    public static void deferWrites(UnitOfWork<?> unitOfWork, ReplayWriter writer) {
        unitOfWork.resources().put(REPLAY_WRITER, writer);
    }

    /** The writer the current unit of work was given by {@link #deferWrites}, if any. */
    public static Optional<ReplayWriter> replayWriter() {
        return CurrentUnitOfWork.isStarted()
                ? Optional.ofNullable((ReplayWriter) CurrentUnitOfWork.get().root().resources().get(REPLAY_WRITER))
                : Optional.empty();
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
