package org.campaignledger.query.projection;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each work package of a pooled processor a queue whose size is a counter.
 * <p>
 * Why: Axon 4.13's coordinator asks every work package {@code hasRemainingCapacity()} before it hands over each
 * event, and that is {@code processingQueue.size() < 1024} on a {@link ConcurrentLinkedQueue}, whose
 * {@code size()} walks the whole queue. Whenever a projection is behind its queues are hundreds of events long,
 * so each event cost hundreds of node visits per work package: 17 % of the JVM's CPU while B3 ingested Hanoi's
 * campaign (docs/PERFORMANCE.md), the largest single item of its profile.
 * <p>
 * How: before a processor starts, its coordinator's map of work packages is replaced by one that gives every
 * work package it receives a {@link CountedQueue} while the package is still new and empty (the coordinator
 * puts a package in the map before it schedules any event on it). The work package uses only {@code add},
 * {@code poll}, {@code isEmpty} and {@code size} of its queue, which the counted queue keeps in step. This
 * reaches into Axon's private fields; if they are not as expected (another Axon version), the processor is left
 * as Axon made it, with a warning, and {@code CountedWorkQueuesTest} fails so the upgrade is noticed.
 */
public final class CountedWorkQueues {

    private static final Logger log = LoggerFactory.getLogger(CountedWorkQueues.class);

    private CountedWorkQueues() {
    }

    /** @return whether the processor's work packages now get counted queues */
    public static boolean install(PooledStreamingEventProcessor processor) {
        try {
            Object coordinator = field(PooledStreamingEventProcessor.class, "coordinator").get(processor);
            Field workPackagesField = field(coordinator.getClass(), "workPackages");
            Object current = workPackagesField.get(coordinator);
            if (current instanceof CountingWorkPackages) {
                return true;
            }
            if (!(current instanceof ConcurrentHashMap<?, ?> packages) || !packages.isEmpty()) {
                throw new IllegalStateException("unexpected work packages: " + current);
            }
            workPackagesField.set(coordinator, new CountingWorkPackages(field(workPackageClass(), "processingQueue")));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Processor {} keeps Axon's work queues (their size is counted by walking them): {}",
                    processor.getName(), e.toString());
            return false;
        }
    }

    /**
     * Whether the processor's work packages get counted queues: its coordinator's map is the counting one and
     * every work package in it has a counted queue.
     */
    public static boolean installed(PooledStreamingEventProcessor processor) throws ReflectiveOperationException {
        Object coordinator = field(PooledStreamingEventProcessor.class, "coordinator").get(processor);
        if (!(field(coordinator.getClass(), "workPackages").get(coordinator) instanceof CountingWorkPackages packages)) {
            return false;
        }
        Field queue = field(workPackageClass(), "processingQueue");
        for (Object workPackage : packages.values()) {
            if (!(queue.get(workPackage) instanceof CountedQueue<?>)) {
                return false;
            }
        }
        return true;
    }

    /** How many work packages the processor's coordinator holds now. */
    static int workPackages(PooledStreamingEventProcessor processor) throws ReflectiveOperationException {
        Object coordinator = field(PooledStreamingEventProcessor.class, "coordinator").get(processor);
        return ((Map<?, ?>) field(coordinator.getClass(), "workPackages").get(coordinator)).size();
    }

    private static Class<?> workPackageClass() throws ClassNotFoundException {
        return Class.forName("org.axonframework.eventhandling.pooled.WorkPackage");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The coordinator's work packages, each given a counted queue as it arrives. */
    private static final class CountingWorkPackages extends ConcurrentHashMap<Integer, Object> {

        private final transient Field processingQueue;

        CountingWorkPackages(Field processingQueue) {
            this.processingQueue = processingQueue;
        }

        @Override
        public Object computeIfAbsent(Integer segment, Function<? super Integer, ?> create) {
            return super.computeIfAbsent(segment, id -> counted(create.apply(id)));
        }

        @Override
        public Object put(Integer segment, Object workPackage) {
            return super.put(segment, counted(workPackage));
        }

        @Override
        public Object putIfAbsent(Integer segment, Object workPackage) {
            return super.putIfAbsent(segment, counted(workPackage));
        }

        @Override
        public void putAll(Map<? extends Integer, ?> packages) {
            packages.forEach(this::put);
        }

        private Object counted(Object workPackage) {
            if (workPackage == null) {
                return null;
            }
            try {
                Object queue = processingQueue.get(workPackage);
                if (queue instanceof ConcurrentLinkedQueue<?> plain && plain.isEmpty()) {
                    processingQueue.set(workPackage, new CountedQueue<>());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return workPackage;
        }
    }

    /** A concurrent queue that keeps its size in a counter instead of walking its nodes. */
    static final class CountedQueue<E> extends ConcurrentLinkedQueue<E> {

        private final AtomicInteger size = new AtomicInteger();

        @Override
        public boolean offer(E element) {
            super.offer(element);
            size.incrementAndGet();
            return true;
        }

        @Override
        public boolean add(E element) {
            return offer(element);
        }

        @Override
        public E poll() {
            E element = super.poll();
            if (element != null) {
                size.decrementAndGet();
            }
            return element;
        }

        @Override
        public boolean remove(Object element) {
            boolean removed = super.remove(element);
            if (removed) {
                size.decrementAndGet();
            }
            return removed;
        }

        @Override
        public boolean addAll(java.util.Collection<? extends E> elements) {
            elements.forEach(this::offer);
            return !elements.isEmpty();
        }

        /** Bulk removals would bypass the count; a work package never uses them. */
        @Override
        public boolean removeIf(java.util.function.Predicate<? super E> filter) {
            throw new UnsupportedOperationException("a counted queue removes by poll or remove only");
        }

        @Override
        public boolean removeAll(java.util.Collection<?> elements) {
            throw new UnsupportedOperationException("a counted queue removes by poll or remove only");
        }

        @Override
        public boolean retainAll(java.util.Collection<?> elements) {
            throw new UnsupportedOperationException("a counted queue removes by poll or remove only");
        }

        @Override
        public void clear() {
            while (poll() != null) {
                // each poll keeps the count
            }
        }

        @Override
        public int size() {
            return Math.max(size.get(), 0);
        }
    }
}
