package org.campaignledger.simulator.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.send.CommandSender;
import org.campaignledger.simulator.send.Outcome;
import org.campaignledger.simulator.tally.Tally;

/**
 * Sends a plan's commands with {@code concurrency} workers. Each aggregate is served by one worker
 * only (its id decides which), so its commands arrive in plan order: enrolment before completion,
 * opening before sessions, assignment before release. Different aggregates run in parallel.
 */
public final class Simulation {

    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);
    private static final int QUEUE_CAPACITY = 1_000;

    private Simulation() {
    }

    public static Tally run(CampaignPlan plan, CommandSender sender, int concurrency, ProgressListener progress) {
        return run(plan, sender, concurrency, progress, DEFAULT_PROGRESS_INTERVAL);
    }

    /**
     * @param progress called every {@code progressInterval} from a timer thread, and once more with
     *                 {@code finished} after the last answer
     */
    public static Tally run(CampaignPlan plan, CommandSender sender, int concurrency, ProgressListener progress,
                            Duration progressInterval) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        Tally tally = new Tally(plan);
        long start = System.nanoTime();
        List<BlockingQueue<PlannedCommand>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            BlockingQueue<PlannedCommand> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            queues.add(queue);
            Thread worker = new Thread(() -> work(queue, sender, tally), "simulator-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> progress.onProgress(progress(tally, start, false)),
                progressInterval.toMillis(), progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            for (PlannedCommand command : plan.commands()) {
                queues.get(Math.floorMod(command.aggregateId().hashCode(), concurrency)).put(command);
            }
            for (BlockingQueue<PlannedCommand> queue : queues) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Simulation interrupted after " + tally.sent() + " commands", e);
        } finally {
            timer.shutdownNow();
            awaitQuietly(timer);
        }
        progress.onProgress(progress(tally, start, true));
        return tally;
    }

    private static void work(BlockingQueue<PlannedCommand> queue, CommandSender sender, Tally tally) {
        try {
            for (PlannedCommand command = queue.take(); command != END; command = queue.take()) {
                Outcome outcome;
                try {
                    outcome = sender.send(command.command(), command.idempotencyKey());
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    // counted, not fatal: a dead worker would leave the dispatcher blocked on its full queue
                    outcome = Outcome.failed(e.getClass().getName() + ": " + e.getMessage());
                }
                tally.record(command, outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Progress progress(Tally tally, long startNanos, boolean finished) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        long done = tally.sent();
        long total = tally.plan().size();
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        double rate = done / seconds;
        Duration eta = finished || rate <= 0 ? Duration.ZERO : Duration.ofSeconds((long) ((total - done) / rate));
        return new Progress(done, total, tally.accepted(), tally.rejected(), tally.failed(), rate, elapsed, eta,
                finished);
    }

    private static void awaitQuietly(ScheduledExecutorService timer) {
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells a worker that no more commands come; compared by identity. */
    private static final PlannedCommand END = new PlannedCommand(-1, new Object(), null, null, null, "");
}
