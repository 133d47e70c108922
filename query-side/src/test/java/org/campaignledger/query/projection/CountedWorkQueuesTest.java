package org.campaignledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.campaignledger.query.projection.CountedWorkQueues.CountedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountedWorkQueuesTest {

    record Counted(int n) {
    }

    private final List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService coordinatorThread = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService workerThreads = Executors.newScheduledThreadPool(2);
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        coordinatorThread.shutdownNow();
        workerThreads.shutdownNow();
        store.shutDown();
    }

    @Test
    void aPooledProcessorsWorkPackagesGetCountedQueuesAndStillHandleEveryEventInOrder() throws Exception {
        processor = PooledStreamingEventProcessor.builder()
                .name("counted")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                    @org.axonframework.eventhandling.EventHandler
                    void on(Counted event) {
                        handled.add(event.n());
                    }
                }).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinatorThread)
                .workerExecutor(workerThreads)
                .initialSegmentCount(2)
                .batchSize(7)
                .build();

        assertThat(CountedWorkQueues.install(processor)).isTrue();
        assertThat(CountedWorkQueues.install(processor)).as("installing twice changes nothing").isTrue();
        processor.start();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            events.add(GenericEventMessage.asEventMessage(new Counted(n)));
        }
        store.publish(events);

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 5_000);
        assertThat(CountedWorkQueues.workPackages(processor)).isEqualTo(2);
        assertThat(CountedWorkQueues.installed(processor)).isTrue();
        assertThat(handled).hasSize(5_000);
        // the default sequencing policy (per aggregate; none here) spreads them, so compare as a set
        assertThat(handled).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 5_000).boxed().toList());
    }

    @Test
    void aCountedQueueKnowsItsSizeWithoutWalkingIt() {
        CountedQueue<String> queue = new CountedQueue<>();
        queue.add("a");
        queue.offer("b");
        queue.addAll(List.of("c", "d"));
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.remove("c")).isTrue();
        assertThat(queue.remove("x")).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue).containsExactly("b", "d");
        queue.clear();
        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
        assertThat(queue.isEmpty()).isTrue();
    }
}
