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
                Duration.ofMillis(200), Duration.ZERO);

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
