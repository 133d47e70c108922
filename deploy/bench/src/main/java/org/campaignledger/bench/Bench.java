package org.campaignledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.AdministrativeUnitId;
import org.campaignledger.api.unit.MobiliseStudentVolunteersCommand;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.bench.peer.PeerDefault;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.plan.PlannedCommand;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.CommandSender;
import org.campaignledger.simulator.send.GatewayCommandSender;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.send.RetryPolicy;
import org.campaignledger.simulator.tally.Tally;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the suite: starts the ledger (both sides, one JVM) on a fresh schema of the configured
 * PostgreSQL, then for each measure runs its reference right beside it, {@code repeats} times, and
 * writes {@code results.md} and {@code results.json}. See {@code docs/PERFORMANCE.md} for the command.
 */
public final class Bench {

    private static final long SEED = 42;
    private static final String BASIC_DEPARTMENT = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("department:department".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Options options;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private ConfigurableApplicationContext app;
    private PeerDefault peer;
    /** ANALYZE of the run's schema every 30 s when the server's autovacuum is off. */
    private Statistics statistics;
    /** B1's in-process rate at concurrency 8 (median), the load B7 runs at half of. */
    private double b1Rate;
    private JdbcTemplate jdbc;
    private CommandGateway gateway;
    private URI base;
    /** Wall seconds of each part of the run (start-up, then each measure with its references), in results.json. */
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private long phaseStart;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BenchTokens tokens = new BenchTokens();

    Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> results = new Bench(Options.parse(args)).run();
        System.out.println(Files.readString(Path.of(String.valueOf(results.get("markdownFile")))));
        System.exit(0);
    }

    Map<String, Object> run() throws Exception {
        phaseStart = System.nanoTime();
        String schema = options.reusesSchema() ? options.schema() : "bench_"
                + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        app = new SpringApplication(BenchApplication.class).run("--server.port=0",
                "--campaign-ledger.database.schema=" + schema, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                // its HTTP clients sign in as the demo's department user
                "--campaign-ledger.security.demo-users=true",
                // the benchmark is one client measuring the command path itself: not throttled per client
                "--campaign-ledger.web.rate-limit.enabled=false",
                // B5's clients sign in with the bench's own JWTs
                tokens.applicationArgument());
        try {
            jdbc = app.getBean(JdbcTemplate.class);
            if (options.runs("B1") || options.runs("B4")) {
                peer = PeerDefault.start(jdbc, schema.replace("bench_", "peer_"));
                results.put("peerDefault", peer.describe());
            }
            gateway = app.getBean(CommandGateway.class);
            base = URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
            results.put("startedAt", Instant.now().toString());
            results.put("schema", schema);
            results.put("options", options.toString());
            results.put("machine", Machine.describe(jdbc));
            statistics = Statistics.keptFor(jdbc, schema);
            Limits limits;
            CampaignId b1Campaign = null;
            Slicer slicer = null;
            Slicer peerSlicer = null;
            if (options.reusesSchema()) {
                Long hanoiEvents = jdbc.queryForObject("select count(*) from domain_event_entry where campaign_id = ?",
                        Long.class, HanoiCampaignDefinition.ID.value());
                if (hanoiEvents == null || hanoiEvents == 0) {
                    throw new IllegalStateException("schema " + schema + " holds no log of Hanoi's campaign to measure");
                }
                results.put("reusedLogEvents", hanoiEvents);
            } else {
                b1Campaign = launch("bench-b1");
                CampaignPlan b1Plan = CampaignPlanner.plan(CampaignDefinition.of(launchCommand(b1Campaign)),
                        PlanSettings.of(Math.max(0.01, requiredScale()), SEED));
                slicer = new Slicer(b1Plan);
                // warm-up: JIT, pools, caches; and a real event to shape the references' rows like
                Simulation.run(slicer.next(options.commandsPerRun()), gatewaySender(), 8, progress -> { });
                peerSlicer = new Slicer(b1Plan);
                if (peer != null) {
                    peer.gateway().sendAndWait(launchCommand(b1Campaign));
                    Simulation.run(peerSlicer.next(options.commandsPerRun()), new GatewayCommandSender(peer.gateway()),
                            8, progress -> { });
                }
            }
            limits = sampledLimits();
            limits.createTable();

            phase("start");
            if (options.runs("B1")) {
                warmUp(slicer, peerSlicer);
                phase("B1 warm-up");
                commands(limits, slicer, peerSlicer);
                phase("B1");
            }
            if (options.runs("B7")) {
                freshness(slicer);
                phase("B7");
            }
            if (options.runs("B2")) {
                imports(limits, b1Campaign);
                phase("B2");
            }
            boolean hanoiLogged = false;
            if (options.runs("B3")) {
                ingest(new Sampler());
                awaitProjectionsCaughtUp(Duration.ofMinutes(30));
                phase("B3");
                hanoiLogged = true;
            } else if (options.reusesSchema()) {
                awaitProjectionsCaughtUp(Duration.ofMinutes(30));
                hanoiLogged = true;
            }
            if (hanoiLogged && options.runs("B5")) {
                latency();
                phase("B5");
            }
            if (options.runs("B4")) {
                rebuild(limits);
                phase("B4");
            }
            results.put("finishedAt", Instant.now().toString());
            results.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            results.put("analyzeRoundsByBench", statistics.rounds());
            return write();
        } finally {
            if (statistics != null) {
                statistics.close();
            }
            if (peer != null) {
                peer.close();
                peer.drop(jdbc);
            }
            app.close();
        }
    }

    /** The most commands a second B1's warm-up takes from the plan on one path (in-process c=8 did 4,100 here). */
    private static final long WARM_UP_COMMANDS_PER_SECOND = 5_000;

    /** How long B1 waited for the projections before its references and runs ({@link #quiet()}). */
    private double quietSeconds;

    /**
     * Before B1 is measured, each of its paths takes commands at concurrency 8 for {@code --commands-warmup-seconds}:
     * a fresh JVM spends B1's first minutes compiling the command path (the C2 compiler took 0.4 of the two cores
     * through a B1 run without this), which a platform that has been running does not.
     */
    private void warmUp(Slicer slicer, Slicer peerSlicer) throws IOException {
        Duration time = options.commandsWarmUp();
        long commands = warmUp(slicer, this::inProcess, time) + warmUp(slicer, this::overHttp, time);
        long peerCommands = peer == null ? 0 : warmUp(peerSlicer, this::toThePeer, time);
        results.put("b1WarmUp", Map.of("secondsPerPath", time.toSeconds(), "commands", commands,
                "peerCommands", peerCommands));
    }

    /** Sends slices until {@code time} is up or the path's share of the plan is used, whichever comes first. */
    private long warmUp(Slicer slicer, CommandPath path, Duration time) throws IOException {
        long sent = 0;
        long share = time.toSeconds() * WARM_UP_COMMANDS_PER_SECOND;
        for (long end = System.nanoTime() + time.toNanos(); System.nanoTime() < end && sent < share; ) {
            Tally tally = path.run(slicer.next(options.commandsPerRun()), 8);
            check(tally);
            sent += tally.sent();
        }
        return sent;
    }

    /**
     * B1: commands/s, in-process and over HTTP, beside limit-single at the same concurrency; and the
     * peer-default (in-process, the same commands) beside the same reference. Beside the in-process runs' limit-single,
     * the same rows in two round trips each (an INSERT, then a COMMIT): a transaction of the ledger takes at least two,
     * and the ratio says what the second weighs on this machine.
     */
    private void commands(Limits limits, Slicer slicer, Slicer peerSlicer) throws Exception {
        for (int concurrency : options.concurrencies()) {
            for (String via : List.of("in-process", "http", "peer-default")) {
                Samples rate = new Samples("cmd/s");
                Samples reference = new Samples("rows/s");
                Samples ratio = new Samples("×");
                Samples twoRoundTrips = new Samples("rows/s");
                Samples twoRoundTripsRatio = new Samples("×");
                for (int r = 0; r < options.repeats(); r++) {
                    quiet();
                    double limit = limits.single(concurrency, options.referenceTime());
                    if (via.equals("in-process")) {
                        double inTwo = limits.singleInTwoRoundTrips(concurrency, options.referenceTime());
                        twoRoundTrips.add(inTwo);
                        twoRoundTripsRatio.add(inTwo / limit);
                    }
                    CampaignPlan slice = (via.equals("peer-default") ? peerSlicer : slicer).next(options.commandsPerRun());
                    CommandPath path = switch (via) {
                        case "http" -> this::overHttp;
                        case "peer-default" -> this::toThePeer;
                        default -> this::inProcess;
                    };
                    long start = System.nanoTime();
                    Tally tally = path.run(slice, concurrency);
                    double perSecond = tally.sent() / Limits.seconds(start);
                    check(tally);
                    rate.add(perSecond);
                    reference.add(limit);
                    ratio.add(perSecond / limit);
                }
                if (via.equals("in-process") && concurrency == 8) {
                    b1Rate = rate.median();
                }
                boolean isPeer = via.equals("peer-default");
                record("B1", (isPeer ? "peer-default (Axon's JPA defaults) in-process" : "commands " + via)
                                + " c=" + concurrency, rate, "limit-single c=" + concurrency, reference, ratio,
                        isPeer ? "reference (Axon defaults ≈ 0.2×)" : "≥ 0.5× limit-single",
                        isPeer ? null : ratio.median() >= 0.5);
                if (via.equals("in-process")) {
                    record("B1", "limit-single in two round trips (INSERT, then COMMIT) c=" + concurrency, twoRoundTrips,
                            "limit-single c=" + concurrency, reference, twoRoundTripsRatio,
                            "reference (what a round trip weighs)", null);
                }
            }
        }
    }

    /**
     * B7: freshness. While B1's commands keep arriving at half B1's rate (8 senders, paced), a probe records one
     * fact at a time in a campaign of its own and asks the unit's timeline until the fact shows: the time from
     * the command's acknowledgement to its effect in the query.
     */
    private void freshness(Slicer slicer) throws Exception {
        double loadRate = Math.max(20, (b1Rate > 0 ? b1Rate : 200) / 2);
        CampaignId probeCampaign = launch("bench-b7");
        String timeline = "/api/campaigns/" + probeCampaign + "/timeline?unit=00004";
        AdministrativeUnitId unit = new AdministrativeUnitId(probeCampaign, new UnitCode("00004"));
        LocalDate day = HanoiCampaignDefinition.START.plusDays(1);
        int probes = (int) Math.max(5, options.latencyTime().toSeconds() * 5);
        CampaignPlan load = slicer.next((int) Math.min(20_000, loadRate * probes * 0.5 + 200));
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        PacedSender paced = new PacedSender(gatewaySender(), loadRate);
        Thread loadThread = new Thread(() -> Simulation.run(load, paced, 8, progress -> { }), "b7-load");
        loadThread.setDaemon(true);
        loadThread.start();
        try {
            long volunteers = studentVolunteers(get(timeline));
            for (int i = 0; i < probes && loadThread.isAlive(); i++) {
                gateway.sendAndWait(new MobiliseStudentVolunteersCommand(unit, "probe", 1, day, day, day));
                long acknowledged = System.nanoTime();
                volunteers++;
                long deadline = acknowledged + Duration.ofSeconds(30).toNanos();
                while (studentVolunteers(get(timeline)) < volunteers) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("probe " + i + " not visible in the timeline within 30 s");
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
                histogram.recordValue(System.nanoTime() - acknowledged);
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
            }
        } finally {
            paced.stop();
            loadThread.join(Duration.ofMinutes(2).toMillis());
        }
        Samples p50 = new Samples("ms");
        p50.add(histogram.getValueAtPercentile(50) / 1e6);
        Samples p99 = new Samples("ms");
        p99.add(histogram.getValueAtPercentile(99) / 1e6);
        record("B7", "freshness p50, ack → timeline (" + histogram.getTotalCount() + " probes, load "
                + Math.round(paced.achievedRate()) + " cmd/s, half of B1 in-process c=8)", p50, "p99 (ms)", p99, null,
                "p99 ≤ 1,000 ms", p99.median() <= 1000);
    }

    /** The unit's student volunteers as of the campaign's last day. */
    private static long studentVolunteers(String timeline) throws Exception {
        var days = JSON.readTree(timeline).path("days");
        return days.isEmpty() ? 0 : days.get(days.size() - 1).path("metrics").path("studentVolunteers").asLong();
    }

    /** Sends at most {@code rate} commands per second, all senders together; after {@link #stop()}, none. */
    private static final class PacedSender implements CommandSender {
        private final CommandSender delegate;
        private final long intervalNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());
        private final AtomicLong sent = new AtomicLong();
        private final long start = System.nanoTime();
        private volatile boolean stopped;
        private volatile long stoppedAt;

        PacedSender(CommandSender delegate, double rate) {
            this.delegate = delegate;
            this.intervalNanos = (long) (1e9 / rate);
        }

        @Override
        public org.campaignledger.simulator.send.Outcome send(Object command, String idempotencyKey) {
            if (stopped) {
                return org.campaignledger.simulator.send.Outcome.failed("load stopped");
            }
            long slot = next.getAndAdd(intervalNanos);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            sent.incrementAndGet();
            return delegate.send(command, idempotencyKey);
        }

        void stop() {
            stoppedAt = System.nanoTime();
            stopped = true;
        }

        double achievedRate() {
            return sent.get() * 1e9 / ((stopped ? stoppedAt : System.nanoTime()) - start);
        }
    }

    /** B2: CSV import rows/s beside limit-batch (500 rows per transaction). */
    private void imports(Limits limits, CampaignId campaign) throws Exception {
        Samples rate = new Samples("rows/s");
        Samples reference = new Samples("rows/s");
        Samples ratio = new Samples("×");
        for (int r = 0; r < options.repeats(); r++) {
            StringBuilder csv = new StringBuilder("participantId,course,completedOn\n");
            List<CompletableFuture<Object>> enrolled = new ArrayList<>();
            for (int i = 0; i < options.importRows(); i++) {
                ParticipantId participant = new ParticipantId(campaign + ":b2-" + r + "-" + i);
                enrolled.add(gateway.send(new EnrolParticipantCommand(participant, campaign, new UnitCode("00004"),
                        ParticipantRole.OFFICIAL, null, HanoiCampaignDefinition.START)));
                csv.append(participant).append(",ONETOUCH_DIGITAL_SKILLS,").append(HanoiCampaignDefinition.START.plusDays(3))
                        .append('\n');
            }
            enrolled.forEach(CompletableFuture::join);
            double limit = limits.batch(options.importRows());
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request(
                            base.resolve("/api/campaigns/" + campaign + "/imports/course-completions"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double perSecond = options.importRows() / Limits.seconds(start);
            long applied = JSON.readTree(answer.body()).path("applied").asLong();
            if (answer.statusCode() != 200 || applied != options.importRows()) {
                throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
            }
            rate.add(perSecond);
            reference.add(limit);
            ratio.add(perSecond / limit);
        }
        record("B2", "CSV import of course completions", rate, "limit-batch (500/tx)", reference, ratio,
                "≥ 0.3× limit-batch", ratio.median() >= 0.3);
    }

    /** B3 (wall time of Hanoi's simulated campaign at the given scale) and B6 (memory meanwhile). */
    private void ingest(Sampler memory) {
        launch(HanoiCampaignDefinition.ID.value());
        CampaignDefinition hanoi = CampaignDefinition.of(HanoiCampaignDefinition.launchCommand());
        if (options.units() > 0 && options.units() < hanoi.units().size()) {
            hanoi = new CampaignDefinition(hanoi.campaignId(), hanoi.startDate(), hanoi.durationDays(),
                    hanoi.units().subList(0, options.units()), hanoi.courses(), hanoi.requiredCourses());
        }
        CampaignPlan plan = CampaignPlanner.plan(hanoi, PlanSettings.of(options.scale(), SEED));
        memory.start();
        long start = System.nanoTime();
        Tally tally = Simulation.run(plan, gatewaySender(), options.ingestConcurrency(), progress -> { });
        double seconds = Limits.seconds(start);
        memory.stop();
        check(tally);
        results.put("ingestMidpoint", Instant.now().minusMillis((long) (seconds * 500)).toString());
        Samples wall = new Samples("s");
        wall.add(seconds);
        Samples rate = new Samples("cmd/s");
        rate.add(tally.sent() / seconds);
        String goal = options.scale() >= 1 ? "≤ 300 s at scale 1" : "≤ 300 s at scale 1 (this run: scale " + options.scale() + ")";
        record("B3", "ingest Hanoi scale " + options.scale()
                + (options.units() > 0 ? ", first " + hanoi.units().size() + " units" : "") + " (" + tally.sent() + " commands, c="
                + options.ingestConcurrency() + ")", wall, "commands/s", rate, null, goal,
                options.scale() >= 1 ? seconds <= 300 : null);
        Samples heap = new Samples("MiB");
        heap.add(memory.peakHeap / 1048576.0);
        Samples rss = new Samples("MiB");
        rss.add(memory.peakRss / 1048576.0);
        record("B6", "peak heap during B3 (max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB)", heap,
                "peak RSS (MiB)", rss, null, "runs with -Xmx512m",
                Runtime.getRuntime().maxMemory() <= 512L * 1048576 + 64L * 1048576);
    }

    /**
     * B5: p50/p99 of the dashboard's questions, 8 clients at once, signed in with a JWT, from a JVM of their own
     * ({@link LoadClient}) after a warm-up over all the questions. Beside them, as references: "as known at" a
     * different instant of the ingest on every request (no answer cached), and one question signed in with HTTP
     * Basic.
     */
    private void latency() throws Exception {
        String c = "/api/campaigns/" + HanoiCampaignDefinition.ID;
        String bearer = tokens.departmentBearer(Duration.ofHours(2));
        Map<String, Object> window = jdbc.queryForMap("SELECT min(recorded_at) AS first, max(recorded_at) AS last"
                + " FROM domain_event_entry WHERE campaign_id = ?", HanoiCampaignDefinition.ID.value());
        Instant first = ((java.sql.Timestamp) window.get("first")).toInstant();
        long micros = Duration.between(first, ((java.sql.Timestamp) window.get("last")).toInstant()).toNanos() / 1000;
        // the ingest's midpoint; on an earlier run's log, the middle of its recording
        String knownAt = String.valueOf(results.computeIfAbsent("ingestMidpoint",
                key -> first.plus(micros / 2, java.time.temporal.ChronoUnit.MICROS).toString()));
        String compare = c + "/compare?from=2025-08-01&to=2025-08-31";
        List<LoadClient.Question> questions = List.of(
                new LoadClient.Question("timeline (city)", c + "/timeline", bearer),
                new LoadClient.Question("timeline (unit)", c + "/timeline?unit=00004", bearer),
                new LoadClient.Question("summary", c + "/summary", bearer),
                new LoadClient.Question("compare", compare, bearer),
                new LoadClient.Question("compare asKnownAt", compare + "&asKnownAt=" + knownAt, bearer),
                new LoadClient.Question("audit page", "/api/audit/events?campaign=" + HanoiCampaignDefinition.ID
                        + "&unit=00004&limit=100", bearer),
                new LoadClient.Question("timeline (unit), HTTP Basic", c + "/timeline?unit=00004", BASIC_DEPARTMENT),
                // last: its second-long queries leave the heap's old generation full for the row after them
                new LoadClient.Question("compare asKnownAt, a new instant each time",
                        compare + "&asKnownAt=" + LoadClient.RANDOM_INSTANT, bearer));
        LoadClient.Plan plan = new LoadClient.Plan(base, options.latencyWarmUp(), options.latencyTime(),
                options.repeats(), first, micros, questions);
        results.put("latencyClient", (options.latencyInBenchJvm() ? "in the bench's JVM" : "a JVM of its own")
                + ", " + LoadClient.CLIENTS + " clients, warm-up " + options.latencyWarmUp().toSeconds() + " s, "
                + plan.rounds() + " round(s) of " + options.latencyTime().toSeconds() + " s per question");
        List<LoadClient.Answers> answers = options.latencyInBenchJvm() ? LoadClient.measure(plan)
                : LoadClient.inOwnProcess(plan);
        for (LoadClient.Question question : questions) {
            Samples p50 = new Samples("ms");
            Samples p99 = new Samples("ms");
            long count = 0;
            for (LoadClient.Answers answer : answers) {
                if (answer.name().equals(question.name())) {
                    p50.add(answer.p50Nanos() / 1e6);
                    p99.add(answer.p99Nanos() / 1e6);
                    count += answer.count();
                }
            }
            record("B5", question.name() + " p50 (" + count + " answers)", p50, "p99 (ms)", p99,
                    null, "p99 ≤ 20 ms", p99.median() <= 20);
        }
    }

    /** B4: all projections rebuilt from the whole log at once, events/s, beside limit-scan. */
    private void rebuild(Limits limits) throws Exception {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Samples rate = new Samples("events/s");
        Samples reference = new Samples("events/s");
        Samples ratio = new Samples("×");
        for (int r = 0; r < Math.min(options.repeats(), 2); r++) {
            double scan = limits.scan(JSON);
            long start = System.nanoTime();
            List<String> projections = List.of("campaigns", "progress", "unit-details");
            // all together, as an operator rebuilding everything would: the log is read once for all of them
            post("/api/admin/projections/rebuild");
            long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
            while (!projections.stream().allMatch(this::rebuilt)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuild did not finish within an hour");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            }
            double perSecond = events / Limits.seconds(start);
            rate.add(perSecond);
            reference.add(scan);
            ratio.add(perSecond / scan);
        }
        record("B4", "rebuild of all projections (" + events + " events)", rate, "limit-scan", reference, ratio,
                "≥ 30,000 events/s", rate.median() >= 30_000);
        if (peer != null) {
            Samples peerRate = new Samples("events/s");
            Samples overPeer = new Samples("×");
            PeerDefault.Rebuild replay = peer.rebuild(String.valueOf(results.get("schema")),
                    Math.min(events, options.peerRebuildEvents()), Duration.ofHours(1));
            peerRate.add(replay.perSecond());
            results.put("peerRebuild", Map.of("events", replay.events(), "factsCounted", replay.factsCounted(),
                    "seconds", replay.seconds()));
            overPeer.add(rate.median() / replay.perSecond());
            record("B4", "rebuild of all projections, beside peer-default's rebuild of its projection (first "
                    + replay.events() + " events of the same log; it counted " + replay.factsCounted() + " facts)", rate, "peer-default", peerRate, overPeer,
                    "≥ 5× peer-default", overPeer.median() >= 5);
        }
    }

    private boolean rebuilt(String projection) {
        try {
            var status = JSON.readTree(get("/api/admin/projections/" + projection));
            return !status.path("rebuildFinishedAt").isMissingNode() && !status.path("rebuildFinishedAt").isNull();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Before a reference and the run beside it: the projections of both systems have applied every event of the runs
     * before. Each run's own projections work during the run, as they would in production; a backlog left by another
     * path (the peer's processor takes one event per transaction) is not what this run or its reference measure.
     * The time it took is in the report ({@code b1QuietSeconds}).
     */
    private void quiet() throws Exception {
        long start = System.nanoTime();
        awaitProjectionsCaughtUp(Duration.ofMinutes(5));
        if (peer != null) {
            peer.awaitCaughtUp(Duration.ofMinutes(5));
        }
        quietSeconds += Limits.seconds(start);
        results.put("b1QuietSeconds", Math.round(quietSeconds * 10) / 10.0);
    }

    private void awaitProjectionsCaughtUp(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var statuses = JSON.readTree(get("/api/admin/projections"));
            boolean caughtUp = true;
            for (var status : statuses) {
                caughtUp &= status.path("caughtUp").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
        }
        throw new IllegalStateException("projections did not catch up within " + within);
    }

    private String get(String path) throws Exception {
        return http.send(request(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void post(String path) throws Exception {
        HttpResponse<String> answer = http.send(request(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Every request signs in as the demo's department user (HTTP Basic), as the API asks. */
    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", BASIC_DEPARTMENT);
    }

    private CommandSender gatewaySender() {
        return new GatewayCommandSender(gateway);
    }

    /** One of B1's ways to send a slice of commands, from {@code concurrency} threads. */
    @FunctionalInterface
    private interface CommandPath {
        Tally run(CampaignPlan slice, int concurrency) throws IOException;
    }

    private Tally inProcess(CampaignPlan slice, int concurrency) {
        return Simulation.run(slice, gatewaySender(), concurrency, progress -> { });
    }

    private Tally toThePeer(CampaignPlan slice, int concurrency) {
        return Simulation.run(slice, new GatewayCommandSender(peer.gateway()), concurrency, progress -> { });
    }

    /** Each sender thread on a kept-alive connection of its own, closed after the slice ({@link PlainHttpTransport}). */
    private Tally overHttp(CampaignPlan slice, int concurrency) throws IOException {
        try (PlainHttpTransport transport = new PlainHttpTransport(base)) {
            CommandSender sender = new HttpCommandSender(transport,
                    org.campaignledger.simulator.send.RetryPolicy.standard(), Map.of("Authorization", BASIC_DEPARTMENT));
            return Simulation.run(slice, sender, concurrency, progress -> { });
        }
    }

    private Limits sampledLimits() {
        Map<String, Object> row = jdbc.queryForMap("select payload, meta_data from domain_event_entry "
                + "where payload_type like '%SupportSessionRecordedEvent' or payload_type like '%CourseCompletedEvent' "
                + "order by global_index desc limit 1");
        results.put("referenceRowBytes", ((byte[]) row.get("payload")).length + ((byte[]) row.get("meta_data")).length);
        return new Limits(app.getBean(DataSource.class), (byte[]) row.get("payload"), (byte[]) row.get("meta_data"));
    }

    private double requiredScale() {
        int perRun = options.commandsPerRun();
        int runs = 1 + options.concurrencies().size() * 2 * options.repeats();
        // B7's load comes from the same plan: at most 20,000 commands
        double b7 = options.runs("B7") ? 20_000 : 0;
        // the warm-up's in-process and HTTP paths, one after the other, each at most its share
        double warmUp = options.runs("B1")
                ? 2 * (options.commandsWarmUp().toSeconds() * (double) WARM_UP_COMMANDS_PER_SECOND + perRun) : 0;
        // Hanoi at scale 1 plans ~984k commands; leave room for rejected-plan surprises
        return Math.min(1.0, (perRun * (double) runs * 1.5 + b7 + warmUp) / 900_000);
    }

    private CampaignId launch(String id) {
        CampaignId campaign = new CampaignId(id);
        gateway.sendAndWait(launchCommand(campaign));
        return campaign;
    }

    private static LaunchCampaignCommand launchCommand(CampaignId id) {
        LaunchCampaignCommand hanoi = HanoiCampaignDefinition.launchCommand();
        return new LaunchCampaignCommand(id, hanoi.name(), hanoi.directive(), hanoi.startDate(), hanoi.durationDays(),
                hanoi.timeZone(), hanoi.targets(), hanoi.courses(), hanoi.requiredCourses(), hanoi.units());
    }

    private static void check(Tally tally) {
        if (tally.sent() != tally.plan().size()) {
            throw new IllegalStateException("only " + tally.sent() + " of " + tally.plan().size() + " commands answered");
        }
        if (tally.failed() > 0) {
            throw new IllegalStateException(tally.failed() + " of " + tally.sent() + " commands failed (not rejected)");
        }
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, Math.round((now - phaseStart) / 1e7) / 100.0);
        phaseStart = now;
        results.put("phaseSeconds", phases);
        System.out.println("-- " + name + " took " + phases.get(name) + " s");
        System.out.flush();
    }

    private void record(String id, String measure, Samples value, String referenceName, Samples reference,
                        Samples ratio, String goal, Boolean met) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("measure", measure);
        entry.put("value", summary(value));
        entry.put("reference", referenceName);
        entry.put("referenceValue", summary(reference));
        if (ratio != null) {
            entry.put("ratio", summary(ratio));
        }
        entry.put("goal", goal);
        entry.put("met", met);
        @SuppressWarnings("unchecked")
        List<Object> measures = (List<Object>) results.computeIfAbsent("measures", k -> new ArrayList<>());
        measures.add(entry);
        table.add(new String[] {id, measure, text(value), referenceName + ": " + text(reference),
                ratio == null ? "" : text(ratio), goal, met == null ? "n/a" : met ? "yes" : "no"});
        System.out.println(String.join(" | ", table.get(table.size() - 1)));
        System.out.flush();
    }

    private static Map<String, Object> summary(Samples samples) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unit", samples.unit());
        summary.put("median", samples.median());
        summary.put("min", samples.min());
        summary.put("max", samples.max());
        summary.put("samples", samples.values());
        return summary;
    }

    private static String text(Samples samples) {
        String median = format(samples.median());
        return samples.values().size() < 2 ? median + " " + samples.unit()
                : median + " " + samples.unit() + " [" + format(samples.min()) + "–" + format(samples.max()) + "]";
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : value >= 10 ? String.format("%.1f", value)
                : String.format("%.2f", value);
    }

    private Map<String, Object> write() throws Exception {
        Files.createDirectories(options.out());
        Path json = options.out().resolve("results.json");
        Path markdown = options.out().resolve("results.md");
        results.put("markdownFile", markdown.toString());
        JSON.writeValue(json.toFile(), results);
        StringBuilder md = new StringBuilder("# Campaign Ledger benchmark, " + results.get("startedAt") + "\n\n");
        md.append("Machine: `").append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results.get("machine"))
                .replace("\n", " ").replaceAll(" +", " ")).append("`\n\n");
        md.append("Values are the median of the repeats, [min–max] their spread.");
        if (!Long.valueOf(0).equals(results.get("analyzeRoundsByBench"))) {
            md.append(" Autovacuum is off on this server: the bench ran ANALYZE on its schema ")
                    .append(results.get("analyzeRoundsByBench")).append(" times (every 30 s), as autovacuum would.");
        }
        if (results.containsKey("b1QuietSeconds")) {
            md.append(" B1 over HTTP: each sender thread on a kept-alive connection of its own (wrk-like, in the bench's")
                    .append(" JVM); before each reference and run, both systems' projections caught up (")
                    .append(results.get("b1QuietSeconds")).append(" s in all).");
        }
        if (results.containsKey("latencyClient")) {
            md.append(" B5's clients: ").append(results.get("latencyClient")).append('.');
        }
        md.append("\n\n");
        md.append("| id | measure | value | reference (same run) | ratio | goal | met |\n|---|---|---|---|---|---|---|\n");
        for (String[] row : table) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        Files.writeString(markdown, md.toString());
        return results;
    }

    /** Hands out consecutive slices of a plan, so every run continues the campaign where the last stopped. */
    private static final class Slicer {
        private final CampaignPlan plan;
        private int next;

        Slicer(CampaignPlan plan) {
            this.plan = plan;
        }

        CampaignPlan next(int size) {
            if (next + size > plan.size()) {
                throw new IllegalStateException("the B1 plan is used up at " + next + " of " + plan.size());
            }
            // a tally indexes outcomes by position, so a slice numbers its commands from 0
            List<PlannedCommand> commands = new ArrayList<>(size);
            for (PlannedCommand c : plan.commands().subList(next, next + size)) {
                commands.add(new PlannedCommand(commands.size(), c.command(), c.occurredOn(), c.reportedOn(),
                        c.expectedRejection(), c.idempotencyKeyPrefix() + c.index() + "-"));
            }
            CampaignPlan slice = new CampaignPlan(plan.definition(), plan.settings(), commands);
            next += size;
            return slice;
        }
    }

    /** Peak heap and resident set size, sampled every 100 ms, plus the heap pools' own peaks. */
    private static final class Sampler {
        private volatile boolean running;
        private final AtomicLong peakRssBytes = new AtomicLong();
        private Thread thread;
        long peakHeap;
        long peakRss;

        void start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peakRssBytes.accumulateAndGet(Machine.rssBytes(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
                }
            }, "bench-memory");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            peakRss = Math.max(peakRssBytes.get(), Machine.peakRssBytes());
        }
    }
}
