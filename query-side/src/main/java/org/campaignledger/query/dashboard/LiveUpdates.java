package org.campaignledger.query.dashboard;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open dashboards, each an SSE stream for one campaign. Changes are gathered for
 * {@link #COALESCE} and pushed as one {@code progress} event per campaign, so a busy minute of commands
 * makes a browser re-read a few times a second at most, not once per batch. A comment every
 * {@link #HEARTBEAT} finds the browsers that went away (and keeps proxies from closing a quiet stream).
 */
@Component
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    static final Duration COALESCE = Duration.ofMillis(100);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private record Subscriber(String campaignId, SseEmitter emitter) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-live");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates() {
        // a scheduled task that throws is never run again: both are guarded, so one broken stream
        // cannot silence every dashboard of this node
        timer.scheduleWithFixedDelay(guarded(this::push), COALESCE.toMillis(), COALESCE.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::heartbeat), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(String campaignId) {
        // the browser's EventSource opens a new stream when this one ends
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Subscriber subscriber = new Subscriber(campaignId, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, SseEmitter.event().name("hello").data(campaignId).reconnectTime(1000));
        return emitter;
    }

    /** A projection committed a change to the campaign (on any node). */
    void changed(String campaignId) {
        changed.add(campaignId);
    }

    /** Every open dashboard should re-read: changes may have been missed. */
    void changedEverywhere() {
        subscribers.forEach(subscriber -> changed.add(subscriber.campaignId()));
    }

    int subscribers() {
        return subscribers.size();
    }

    private void push() {
        for (String campaign : List.copyOf(changed)) {
            changed.remove(campaign);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.campaignId().equals(campaign)) {
                    send(subscriber, SseEmitter.event().name("progress").data(campaign));
                }
            }
        }
    }

    private void heartbeat() {
        subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("ping")));
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | RuntimeException gone) {
            // the browser left; nothing to report, and its request has no one to answer
            subscribers.remove(subscriber);
            try {
                subscriber.emitter().complete();
            } catch (RuntimeException alreadyBroken) {
                // completing a broken stream may fail too; it is gone either way
            }
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Live update task failed; it runs again at its next tick", e);
            }
        };
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }
}
