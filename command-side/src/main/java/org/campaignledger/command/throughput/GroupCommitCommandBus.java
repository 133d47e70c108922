package org.campaignledger.command.throughput;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignledger.platform.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command bus on which concurrent commands share one database transaction (group commit).
 * <p>
 * Why: a command's own work (decide, append one event) is far cheaper than a commit, so one commit
 * per command caps the ledger at the database's one-row-per-transaction rate. Here a few "lanes"
 * take the commands that are waiting, up to {@code maxGroupSize}, run each in its own nested unit of
 * work inside one root unit of work and transaction, append all their events in one JDBC batch, commit
 * once, and only then answer each caller. The streams of the group's aggregates that are not in the cache are read
 * in one query before its first command runs ({@link StreamPreload}), not one by one as each command loads its own;
 * those of commands that usually create their aggregate are not read at all, and such a command's outcome is checked
 * ({@link #checkedCreation}). Nothing is acknowledged before its commit returned, and the
 * database commits synchronously, so an acknowledged command is durable.
 * <p>
 * Each command keeps its own answer: it is handled by the ordinary {@link SimpleCommandBus} (its
 * interceptors, its metadata and correlation data, its rejection); a rejected command rolls back only
 * its nested unit of work, and its events never reach the group's batch. If the group's commit
 * fails (a unique key clash, another node's append, a broken connection), the group is rolled back and
 * its commands run again one by one, each in a transaction of its own, so one bad command cannot sink
 * the others; each then gets the answer it would have got alone.
 * <p>
 * Per-aggregate order: a group holds at most one command per aggregate, and a command waits while
 * another command for its aggregate is in flight in any lane. Commands of one aggregate therefore run
 * one after the other in arrival order and never contend for the aggregate's lock, and a rejected
 * command can never leave a half-changed aggregate to a neighbour in its group.
 * <p>
 * A command dispatched while a unit of work is active on the caller's thread (from inside a handler)
 * runs at once in the caller's unit of work, as on the simple bus.
 * <p>
 * An idle bus runs a command on its caller's thread ({@code callerRunsWhenIdle}, only without a linger): when no
 * command is waiting, fewer groups than lanes are running and no command of its aggregate is in flight, a lane
 * would take it at once as a group of one; its caller runs that group itself instead, which saves the two
 * hand-offs between threads (to the lane and back) that a lone command otherwise waits for. Under load the queue
 * is not empty, and commands wait for the lanes and share their commits as before. Such a caller holds a place
 * among the groups running, so it never runs beside a full set of lanes; lanes do not wait for callers. Off by
 * default: on the bench's 2 cores it made lone commands faster and loaded ones slower (docs/PERFORMANCE.md).
 */
final class GroupCommitCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final SimpleCommandBus local;
    private final TransactionManager transactionManager;
    private final StreamPreload preload;
    private final int maxGroupSize;
    private final long lingerNanos;
    private final long maxWaitNanos;
    private final boolean callerRunsWhenIdle;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Set<String> inFlight = new HashSet<>();
    private final List<Thread> lanes = new ArrayList<>();
    /** Groups running now, on lanes or on their callers' threads; guarded by {@link #lock}. */
    private int groupsRunning = 0;
    private volatile boolean running = true;
    private final LongAdder groups = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder creationsAssumed = new LongAdder();
    private final LongAdder creationsReread = new LongAdder();
    private final LongAdder ranOnCaller = new LongAdder();

    /**
     * @param local handles each command; must have no transaction manager of its own, since a
     *              participating transaction that rolls back would doom the whole group
     * @param lanes how many groups may be in flight at once (one decides while another commits)
     * @param linger how long a lane waits for more commands before it runs a group smaller than
     *               {@code maxGroupSize}; zero runs whatever is waiting
     * @param maxWait how long a command may wait in the queue: its caller stops waiting then (and answers the
     *                client 503), so it is answered as timed out instead of being recorded behind the
     *                caller's back (e.g. queued behind an aggregate whose statements hit the statement timeout)
     * @param preload prepares, in a group's transaction and before its first command runs, the loads of its
     *                aggregates
     * @param callerRunsWhenIdle whether a command that arrives on an idle bus runs on its caller's thread (only
     *                           with no linger: a linger asks for groups, which a caller running alone would not form)
     */
    GroupCommitCommandBus(SimpleCommandBus local, TransactionManager transactionManager, StreamPreload preload,
                          int lanes, int maxGroupSize, Duration linger, Duration maxWait, boolean callerRunsWhenIdle) {
        if (lanes < 1 || maxGroupSize < 1 || linger.isNegative()) {
            throw new IllegalArgumentException("lanes and max group size must be at least 1, linger not negative");
        }
        this.local = local;
        this.transactionManager = transactionManager;
        this.preload = preload;
        this.maxGroupSize = maxGroupSize;
        this.lingerNanos = linger.toNanos();
        this.maxWaitNanos = maxWait.isZero() || maxWait.isNegative() ? Long.MAX_VALUE : maxWait.toNanos();
        this.callerRunsWhenIdle = callerRunsWhenIdle && lingerNanos == 0;
        for (int i = 0; i < lanes; i++) {
            Thread lane = new Thread(this::runLane, "command-group-" + i);
            lane.setDaemon(true);
            this.lanes.add(lane);
            lane.start();
        }
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command,
                                CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            local.dispatch(command, callback);
            return;
        }
        Pending pending = new Pending(command, callback, routing.getRoutingKey(command));
        boolean runHere = false;
        lock.lock();
        try {
            if (running) {
                runHere = mayRunOnCaller(pending);
                if (!runHere) {
                    queue.add(pending);
                    workArrived.signal();
                    return;
                }
                inFlight.add(pending.aggregate);
                groupsRunning++;
            }
        } finally {
            lock.unlock();
        }
        if (runHere) {
            ranOnCaller.increment();
            List<Pending> group = List.of(pending);
            try {
                execute(group);
            } finally {
                release(group);
            }
            return;
        }
        // shutting down: the lanes may be gone, so the caller runs its command itself
        pending.answer(alone(pending, true));
    }

    /**
     * Whether a lane would take this command at once as a group of one. Not for a caller inside a Spring
     * transaction of its own, which the command's transaction would join instead of committing alone.
     */
    private boolean mayRunOnCaller(Pending pending) {
        return callerRunsWhenIdle && queue.isEmpty() && groupsRunning < lanes.size()
                && !inFlight.contains(pending.aggregate)
                && !TransactionSynchronizationManager.isSynchronizationActive();
    }

    private void runLane() {
        try {
            for (List<Pending> group = nextGroup(); group != null; group = nextGroup()) {
                try {
                    execute(group);
                } finally {
                    release(group);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for work; takes up to {@code maxGroupSize} commands whose aggregates are not in flight. */
    private List<Pending> nextGroup() throws InterruptedException {
        List<Pending> group = new ArrayList<>();
        lock.lock();
        try {
            long deadline = 0;
            while (true) {
                take(group);
                if (group.size() >= maxGroupSize || (!group.isEmpty() && lingerNanos == 0)) {
                    groupsRunning++;
                    return group;
                }
                if (group.isEmpty()) {
                    if (!running && queue.isEmpty()) {
                        return null;
                    }
                    workArrived.await();
                } else {
                    long now = System.nanoTime();
                    if (deadline == 0) {
                        deadline = now + lingerNanos;
                    }
                    if (now >= deadline || !running) {
                        groupsRunning++;
                        return group;
                    }
                    workArrived.awaitNanos(deadline - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void take(List<Pending> group) {
        for (Iterator<Pending> waiting = queue.iterator(); waiting.hasNext() && group.size() < maxGroupSize; ) {
            Pending pending = waiting.next();
            // a later command of a busy aggregate is skipped too, so each aggregate keeps its order
            if (inFlight.add(pending.aggregate)) {
                group.add(pending);
                waiting.remove();
            }
        }
    }

    private void release(List<Pending> group) {
        lock.lock();
        try {
            group.forEach(pending -> inFlight.remove(pending.aggregate));
            groupsRunning--;
            if (!queue.isEmpty()) {
                workArrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void execute(List<Pending> waited) {
        List<Pending> group = new ArrayList<>(waited.size());
        long now = System.nanoTime();
        for (Pending pending : waited) {
            if (now - pending.enqueuedAt > maxWaitNanos) {
                pending.answer(asCommandResultMessage(new QueryTimeoutException(
                        "The command waited longer than its caller does; it was not run")));
            } else {
                group.add(pending);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        groups.increment();
        try {
            if (group.size() > 1) {
                List<CommandResultMessage<?>> answers = together(group);
                if (answers != null) {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).answer(answers.get(i));
                    }
                    return;
                }
                // run again one by one, each reading its stream: nothing is assumed new twice
                for (Pending pending : group) {
                    pending.answer(alone(pending, false));
                }
                return;
            }
            group.forEach(pending -> pending.answer(alone(pending, true)));
        } catch (RuntimeException | Error e) {
            // never leave a caller waiting for an answer that will not come
            group.forEach(pending -> pending.answer(asCommandResultMessage(e)));
            throw e;
        }
    }

    /**
     * @return each command's answer in order, or null if the group's commit failed and nothing was recorded
     *         (each is then run alone); all failed if the database is unavailable
     */
    private List<CommandResultMessage<?>> together(List<Pending> group) {
        AtomicBoolean committed = new AtomicBoolean();
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new CommandGroup(group.size())));
        try {
            root.attachTransaction(transactionManager);
            root.afterCommit(u -> committed.set(true));
            Set<String> assumedNew = preload.prepare(targets(group));
            creationsAssumed.add(assumedNew.size());
            // one lock order for every transaction that holds several aggregates (the CSV import's too)
            CommandResultMessage<?>[] answers = new CommandResultMessage<?>[group.size()];
            for (int i : inAggregateOrder(group)) {
                Pending pending = group.get(i);
                CommandResultMessage<?> answer = handle(pending.command);
                if (assumedNew.contains(pending.aggregate)) {
                    answer = checkedCreation(pending, answer);
                }
                answers[i] = answer;
            }
            root.commit();
            return List.of(answers);
        } catch (RuntimeException | Error e) {
            if (root.isActive() && root.phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
                root.rollback(e);
            }
            if (committed.get()) {
                throw e;
            }
            if (DatabaseFailures.isUnavailable(e)) {
                // one by one would wait for a connection once per command: the last caller far past its timeout
                CommandResultMessage<?> failed = asCommandResultMessage(e);
                return java.util.Collections.nCopies(group.size(), failed);
            }
            fallbacks.increment();
            log.debug("A group of {} commands failed to commit ({}); running them one by one", group.size(),
                    e.toString());
            return null;
        }
    }

    private static int[] inAggregateOrder(List<Pending> group) {
        return java.util.stream.IntStream.range(0, group.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> group.get(i).aggregate))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * A command whose aggregate was taken to have no events was decided on none. Rejected, it is decided again on
     * what the log holds (its nested unit of work rolled back: it left nothing behind). Accepted, it must have applied
     * the aggregate's first event (answered version 0), which the log's unique key then checks against an event
     * already there; any other answer and the group runs again, one by one, nothing assumed.
     */
    private CommandResultMessage<?> checkedCreation(Pending pending, CommandResultMessage<?> answer) {
        if (answer.isExceptional() && DatabaseFailures.isUnavailable(answer.exceptionResult())) {
            // deciding again would wait for the database once more; the group fails as a whole
            throw unavailable(answer.exceptionResult());
        }
        if (answer.isExceptional()) {
            creationsReread.increment();
            preload.readAfresh(pending.aggregate);
            return handle(pending.command);
        }
        if (!Long.valueOf(0).equals(answer.getPayload())) {
            throw new IllegalStateException("A command on aggregate " + pending.aggregate + ", taken to have no events,"
                    + " answered " + answer.getPayload() + ", not its first event's version");
        }
        return answer;
    }

    /**
     * The same as a group of one, but a failed commit is this command's own answer. With {@code assumeCreations}, a
     * creation's aggregate may be taken to have no events; if it then fails to commit, or answers anything but its
     * first event's version, it runs again, reading its stream.
     */
    private CommandResultMessage<?> alone(Pending pending, boolean assumeCreations) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new CommandGroup(1)));
        boolean assumedNew = false;
        try {
            root.attachTransaction(transactionManager);
            assumedNew = assumeCreations
                    && preload.prepare(targets(List.of(pending))).contains(pending.aggregate);
            if (assumedNew) {
                creationsAssumed.increment();
            }
            CommandResultMessage<?> answer = handle(pending.command);
            if (assumedNew) {
                answer = checkedCreation(pending, answer);
            }
            root.commit();
            return answer;
        } catch (RuntimeException | Error e) {
            if (root.isActive() && root.phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
                root.rollback(e);
            }
            if (assumedNew && !DatabaseFailures.isUnavailable(e)) {
                fallbacks.increment();
                return alone(pending, false);
            }
            return asCommandResultMessage(e);
        }
    }

    private static RuntimeException unavailable(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime
                : new DataAccessResourceFailureException(failure.getMessage(), failure);
    }

    private static List<StreamPreload.Target> targets(List<Pending> group) {
        List<StreamPreload.Target> targets = new ArrayList<>(group.size());
        group.forEach(pending -> targets.add(new StreamPreload.Target(pending.aggregate,
                pending.command.getPayloadType())));
        return targets;
    }

    /** Runs one command in a nested unit of work of the current root; its answer, not yet acknowledged. */
    private CommandResultMessage<?> handle(CommandMessage<?> command) {
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        local.dispatch(command, (message, result) -> answer.set(result));
        return answer.get();
    }

    @Override
    public Registration subscribe(String commandName,
                                  MessageHandler<? super CommandMessage<?>> handler) {
        return local.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return local.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return local.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** How many groups ran so far (a group of one included): commands per group tells how much is shared. */
    long groups() {
        return groups.sum();
    }

    /** How many commands ran on their caller's thread, the bus being idle (each also counts as a group). */
    long ranOnCaller() {
        return ranOnCaller.sum();
    }

    /** How many commands had their aggregate taken to have no events (a group that ran again counts again). */
    long creationsAssumed() {
        return creationsAssumed.sum();
    }

    /** How many commands had their aggregate taken to have no events, were rejected, and were decided again. */
    long creationsReread() {
        return creationsReread.sum();
    }

    /** How many groups (a command alone among them) failed to commit and were run again one by one. */
    long fallbacks() {
        return fallbacks.sum();
    }

    /** Lets the lanes finish what is queued, then stops them. */
    void shutdown() throws InterruptedException {
        lock.lock();
        try {
            running = false;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread lane : lanes) {
            lane.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** The message of a group's root unit of work; each command's own message is its nested unit's. */
    record CommandGroup(int size) {
    }

    private static final class Pending {
        final CommandMessage<?> command;
        @SuppressWarnings("rawtypes")
        final CommandCallback callback;
        final String aggregate;
        final long enqueuedAt = System.nanoTime();
        private final AtomicBoolean answered = new AtomicBoolean();

        Pending(CommandMessage<?> command, CommandCallback<?, ?> callback, String aggregate) {
            this.command = command;
            this.callback = callback;
            this.aggregate = aggregate;
        }

        /** Answers once: a caller that already has its answer is never told something else. */
        @SuppressWarnings("unchecked")
        void answer(CommandResultMessage<?> result) {
            if (answered.compareAndSet(false, true)) {
                callback.onResult(command, result);
            }
        }
    }
}
