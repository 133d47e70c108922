package org.campaignledger.command.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.platform.database.DatabaseFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What the group commit bus does when the database cannot answer, without one: a group is given up at its first
 * command that finds the database unavailable, and every command in it is answered unavailable. A creation taken to
 * be new is not decided again, as a rejected one is: its caller would wait for a connection a second time
 * (DatabaseOutageIT in deploy/reliability bounds how long a 503 may take).
 */
class GroupCommitCommandBusTest {

    record Create(@TargetAggregateIdentifier String id) {
    }

    private final AtomicInteger decisions = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> readAfresh = new ConcurrentLinkedQueue<>();
    private final SimpleCommandBus local = SimpleCommandBus.builder().build();
    private GroupCommitCommandBus bus;

    @AfterEach
    void stop() throws InterruptedException {
        bus.shutdown();
    }

    @Test
    void creationsTakenToBeNewAreDecidedOnceWhenTheDatabaseIsUnavailable() throws Exception {
        local.subscribe(Create.class.getName(), command -> {
            decisions.incrementAndGet();
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        });
        bus = new GroupCommitCommandBus(local, NoTransactionManager.INSTANCE, everyAggregateNew(), 1, 64,
                Duration.ofMillis(200), Duration.ZERO, true);

        List<CompletableFuture<CommandResultMessage<?>>> group = IntStream.range(0, 3)
                .mapToObj(i -> send(new Create("p-" + i))).toList();
        List<CommandResultMessage<?>> answers = answers(group);
        List<CommandResultMessage<?>> alone = answers(List.of(send(new Create("p-alone"))));

        for (CommandResultMessage<?> answer : Stream.concat(answers.stream(), alone.stream()).toList()) {
            assertThat(answer.isExceptional()).isTrue();
            assertThat(DatabaseFailures.isUnavailable(answer.exceptionResult())).as(answer.toString()).isTrue();
        }
        assertThat(bus.groups()).as("a group of three, then one alone").isEqualTo(2);
        // the group stops at its first unavailable answer: the others would wait for the same database
        assertThat(decisions).hasValue(2);
        assertThat(readAfresh).isEmpty();
        assertThat(bus.creationsAssumed()).isEqualTo(4);
        assertThat(bus.fallbacks()).isZero();
    }

    @Test
    void anIdleBusRunsACommandOnItsCallersThread() throws Exception {
        ConcurrentLinkedQueue<String> threads = recordingThreads();
        bus = new GroupCommitCommandBus(local, NoTransactionManager.INSTANCE, StreamPreload.NONE, 2, 64,
                Duration.ZERO, Duration.ZERO, true);

        List<CommandResultMessage<?>> answers = answers(List.of(send(new Create("p-1")), send(new Create("p-2"))));

        assertThat(answers).noneMatch(CommandResultMessage::isExceptional);
        assertThat(threads).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName());
        assertThat(bus.ranOnCaller()).isEqualTo(2);
        assertThat(bus.groups()).isEqualTo(2);
    }

    @Test
    void aBusyBusHandsTheCommandToALane() throws Exception {
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        local.subscribe(Create.class.getName(), command -> {
            threads.add(Thread.currentThread().getName());
            if (((Create) command.getPayload()).id().equals("blocking")) {
                started.countDown();
                finish.await(10, TimeUnit.SECONDS);
            }
            return 0L;
        });
        bus = new GroupCommitCommandBus(local, NoTransactionManager.INSTANCE, StreamPreload.NONE, 1, 64,
                Duration.ZERO, Duration.ZERO, true);
        CompletableFuture<CommandResultMessage<?>> blocking = new CompletableFuture<>();
        new Thread(() -> blocking.complete(send(new Create("blocking")).join()), "caller").start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // the one lane's place is taken by a caller: the next command waits for the lane, as does one of an
        // aggregate in flight
        CompletableFuture<CommandResultMessage<?>> other = send(new Create("other"));
        CompletableFuture<CommandResultMessage<?>> sameAggregate = send(new Create("blocking"));
        finish.countDown();

        assertThat(answers(List.of(blocking, other, sameAggregate))).noneMatch(CommandResultMessage::isExceptional);
        assertThat(threads).containsExactly("caller", "command-group-0", "command-group-0");
        assertThat(bus.ranOnCaller()).isEqualTo(1);
    }

    @Test
    void aLingeringBusOrACallerInATransactionNeverRunsTheCommandOnTheCallersThread() throws Exception {
        ConcurrentLinkedQueue<String> threads = recordingThreads();
        bus = new GroupCommitCommandBus(local, NoTransactionManager.INSTANCE, StreamPreload.NONE, 2, 64,
                Duration.ofMillis(1), Duration.ZERO, true);
        answers(List.of(send(new Create("lingered"))));
        bus.shutdown();

        bus = new GroupCommitCommandBus(local, NoTransactionManager.INSTANCE, StreamPreload.NONE, 2, 64,
                Duration.ZERO, Duration.ZERO, true);
        org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        try {
            answers(List.of(send(new Create("in-a-transaction"))));
        } finally {
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("command-group-"));
        assertThat(bus.ranOnCaller()).isZero();
    }

    private ConcurrentLinkedQueue<String> recordingThreads() {
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        local.subscribe(Create.class.getName(), command -> {
            threads.add(Thread.currentThread().getName());
            return 0L;
        });
        return threads;
    }

    private CompletableFuture<CommandResultMessage<?>> send(Object payload) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(payload), (command, result) -> answer.complete(result));
        return answer;
    }

    private static List<CommandResultMessage<?>> answers(List<CompletableFuture<CommandResultMessage<?>>> sent)
            throws Exception {
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        return sent.stream().map(CompletableFuture::join).collect(Collectors.toList());
    }

    private StreamPreload everyAggregateNew() {
        return new StreamPreload() {
            @Override
            public Set<String> prepare(List<Target> targets) {
                return targets.stream().map(Target::aggregate).collect(Collectors.toSet());
            }

            @Override
            public void readAfresh(String aggregate) {
                readAfresh.add(aggregate);
            }
        };
    }
}
