package org.campaignledger.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.campaignledger.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds a projection from the log: shut its processor down, reset its tokens (its {@code @ResetHandler}
 * truncates its tables in the same step), start it again; it then replays the log from the start. While
 * it replays, every read response says so ({@code X-Projection-Rebuilding}), and the status reports the
 * events done out of the log's size when the rebuild began.
 */
@Service
public class ProjectionAdmin implements DisposableBean {

    /** The processing groups of this application, one per projection. */
    public static final List<String> PROJECTIONS = List.of("campaigns", "progress", "unit-details");

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private record Rebuild(Instant startedAt, long headAtStart, long eventsTotal, Instant finishedAt, String error) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ProjectionLag lag;
    /** Replays the log into the stopped processor's handlers before it starts; null: Axon's processor replays it. */
    private final BulkReplay bulkReplay;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(PROJECTIONS.size(), runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProjectionLag lag,
                    BulkReplay bulkReplay, @Value("${campaign-ledger.rebuild.bulk:true}") boolean bulk) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.lag = lag;
        this.bulkReplay = bulk ? bulkReplay : null;
    }

    /** Starts a rebuild and returns at once; 404 for an unknown projection, 409 if one is already running. */
    public ProjectionStatus rebuild(String name) {
        rebuild(List.of(name));
        return status(name);
    }

    /**
     * Starts rebuilding the named projections together and returns at once: the log is read and deserialised
     * once for all of them. 404 for an unknown projection, 409 if one of them is already being rebuilt.
     */
    public synchronized List<ProjectionStatus> rebuild(List<String> names) {
        List<StreamingEventProcessor> processors = names.stream().distinct().map(this::processor).toList();
        for (String name : names) {
            Rebuild current = rebuilds.get(name);
            // "starting" covers the reset and the bulk replay: a second rebuild then would reset under it
            if (current != null && current.finishedAt() == null
                    && (current.error() == null || "starting".equals(current.error()))) {
                throw new ProblemException(HttpStatus.CONFLICT, "rebuild-in-progress", "Rebuild in progress",
                        "Projection " + name + " is already being rebuilt.", Map.of("projection", name));
            }
        }
        long head = lag.head();
        long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        List<String> distinct = names.stream().distinct().toList();
        for (String name : distinct) {
            rebuilds.put(name, new Rebuild(Instant.now(), head, total, null, "starting"));
        }
        executor.submit(() -> {
            try {
                for (StreamingEventProcessor processor : processors) {
                    processor.shutdownAsync().join();
                    processor.resetTokens();
                }
                if (bulkReplay != null && processors.stream().allMatch(AbstractEventProcessor.class::isInstance)) {
                    try {
                        bulkReplay.replay(processors.stream().map(AbstractEventProcessor.class::cast).toList(), head);
                    } catch (Exception e) {
                        // part of the log may be applied: start over, the processors replay it all
                        log.warn("Bulk replay of projections {} failed; the processors replay the log", distinct, e);
                        processors.forEach(StreamingEventProcessor::resetTokens);
                    }
                }
                for (int i = 0; i < processors.size(); i++) {
                    processors.get(i).start();
                    rebuilds.computeIfPresent(distinct.get(i), (k, r) -> new Rebuild(r.startedAt(), r.headAtStart(),
                            r.eventsTotal(), null, null));
                }
                log.info("Rebuilding projections {} from {} events", distinct, total);
            } catch (Exception e) {
                log.error("Rebuild of projections {} failed", distinct, e);
                for (int i = 0; i < processors.size(); i++) {
                    rebuilds.computeIfPresent(distinct.get(i), (k, r) -> new Rebuild(r.startedAt(), r.headAtStart(),
                            r.eventsTotal(), Instant.now(), String.valueOf(e.getMessage())));
                    if (!processors.get(i).isRunning()) {
                        processors.get(i).start();
                    }
                }
            }
        });
        return distinct.stream().map(this::status).toList();
    }

    public List<ProjectionStatus> statuses() {
        return PROJECTIONS.stream().map(this::status).toList();
    }

    public synchronized ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = lag.head();
        // Where the projection stands is read from the token store, not from this node's processor: the processor
        // only reports the segments it holds, and a segment nobody holds (its claim left by a killed process, or
        // held back by Axon after failed batches during a database outage) applies nothing meanwhile. Counting
        // only the held ones said "caught up" while a quarter of the events waited (DatabaseOutageIT,
        // ProcessCrashIT: projections unlike their rebuild).
        ProjectionLag.Lag stored = lag.measure(name, head);
        Long position = stored.segments() == 0 ? null : stored.position();
        boolean replaying = processor.isReplaying() || stored.replaying();
        boolean caughtUp = position != null && position >= head && !stored.replaying();
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            return new ProjectionStatus(name, processor.isRunning() ? ProjectionStatus.State.RUNNING
                    : ProjectionStatus.State.STOPPED, position, head, caughtUp, replaying, null, null, null, null,
                    null, null);
        }
        boolean starting = "starting".equals(rebuild.error());
        // done once every event that existed when the rebuild began is applied; not "no longer replaying":
        // Axon leaves replay mode only at the first event after the reset, which a quiet log may never bring
        if (rebuild.finishedAt() == null && !starting && position != null && position >= rebuild.headAtStart()) {
            rebuild = new Rebuild(rebuild.startedAt(), rebuild.headAtStart(), rebuild.eventsTotal(), Instant.now(),
                    null);
            rebuilds.put(name, rebuild);
            log.info("Projection {} rebuilt: {} events in {}", name, rebuild.eventsTotal(),
                    Duration.between(rebuild.startedAt(), rebuild.finishedAt()));
        }
        boolean done = rebuild.finishedAt() != null;
        long eventsDone = done ? rebuild.eventsTotal() : position == null || starting ? 0
                : jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class,
                        Math.min(position, rebuild.headAtStart()));
        Instant until = done ? rebuild.finishedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), until).toMillis() / 1000.0);
        return new ProjectionStatus(name, done ? ProjectionStatus.State.RUNNING : ProjectionStatus.State.REBUILDING,
                position, head, caughtUp, replaying, rebuild.startedAt(), rebuild.finishedAt(), eventsDone,
                rebuild.eventsTotal(), Math.round(eventsDone / seconds * 10) / 10.0,
                starting ? null : rebuild.error());
    }

    /** The projections being rebuilt right now. */
    public List<String> rebuilding() {
        return rebuilds.entrySet().stream()
                .filter(entry -> entry.getValue().finishedAt() == null)
                .map(Map.Entry::getKey)
                .filter(name -> status(name).state() == ProjectionStatus.State.REBUILDING)
                .sorted()
                .toList();
    }

    private StreamingEventProcessor processor(String name) {
        Optional<StreamingEventProcessor> processor = PROJECTIONS.contains(name)
                ? processing.eventProcessor(name, StreamingEventProcessor.class) : Optional.empty();
        return processor.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "projection-not-found",
                "Unknown projection", "No projection " + name + "; known: " + PROJECTIONS + ".",
                Map.of("projection", name)));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

}
