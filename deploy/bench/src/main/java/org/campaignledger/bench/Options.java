package org.campaignledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures and how long. {@code --smoke} gives a run of seconds that exercises every
 * measure (CI runs it, so the harness cannot rot); the defaults are the full run.
 *
 * @param scale the campaign size ingested for B3 (1 = Hanoi, ~1M commands)
 * @param repeats how often each measure and its reference run, side by side
 * @param referenceTime how long each limit-single run lasts
 * @param commandsPerRun how many planned commands each B1 run sends
 * @param concurrencies {@code --concurrencies=1,8,32}: the senders of B1's runs (B7's load is half B1's rate at 8)
 * @param importRows rows of each B2 import
 * @param ingestConcurrency how many senders B3 uses
 * @param latencyTime how long the 8 clients of B5 ask
 * @param measures {@code --measures=B1,B4}: only these (empty: all)
 * @param peerRebuildEvents how many of the log's first events the peer-default replays for B4's reference
 * @param units B3 plans the campaign of only the first {@code units} units of Hanoi's 126 (0: all of them);
 *              the smoke run's way to a small log, since some facts per unit do not shrink with the scale
 * @param schema {@code --schema=bench_...}: measure the log an earlier run left in that schema instead of ingesting
 *               one (only B4 and B5, which read a log; empty: a fresh schema and the measures that make it), so
 *               one jar can ask the same questions of two scales' logs side by side
 * @param latencyWarmUp how long B5's clients ask all its questions in turn before any is measured
 * @param latencyInBenchJvm B5's clients in the bench's own JVM (the harness's way before 2026-12-06), not in a
 *                          JVM of their own ({@code --latency-client=in-jvm}; default {@code process})
 * @param commandsWarmUp how long each of B1's paths (in-process, HTTP, the peer-default) takes commands at
 *                       concurrency 8 before any of B1's runs is measured ({@code --commands-warmup-seconds}), so B1
 *                       measures compiled code, as a platform that has run for a while has, not the JIT at work
 */
record Options(double scale, int repeats, Duration referenceTime, int commandsPerRun, List<Integer> concurrencies,
               int importRows, int ingestConcurrency, Duration latencyTime, Path out, List<String> measures,
               long peerRebuildEvents, int units, String schema, Duration latencyWarmUp, boolean latencyInBenchJvm,
               Duration commandsWarmUp) {

    /** Measures that only read an existing log, the ones a run on an earlier run's schema may make. */
    static final List<String> ON_EXISTING_LOG = List.of("B4", "B5");

    Options {
        if (!schema.isEmpty() && (measures.isEmpty() || !ON_EXISTING_LOG.containsAll(measures))) {
            throw new IllegalArgumentException("--schema=" + schema + " measures an existing log: give --measures="
                    + "B5, B4 or B4,B5 (not " + (measures.isEmpty() ? "all" : String.join(",", measures)) + ")");
        }
        if (latencyWarmUp.isNegative()) {
            throw new IllegalArgumentException("--latency-warmup-seconds must not be negative");
        }
        if (commandsWarmUp.isNegative()) {
            throw new IllegalArgumentException("--commands-warmup-seconds must not be negative");
        }
        if (!schema.isEmpty() && !schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--schema=" + schema + ": a schema name of lower-case letters, digits"
                    + " and underscores");
        }
    }

    /** These options, measuring {@code only} on the log an earlier run left in {@code existing}, reported to {@code to}. */
    Options onExistingLog(String existing, List<String> only, Path to) {
        return new Options(scale, repeats, referenceTime, commandsPerRun, concurrencies, importRows, ingestConcurrency,
                latencyTime, to, only, peerRebuildEvents, units, existing, latencyWarmUp, latencyInBenchJvm,
                commandsWarmUp);
    }

    boolean reusesSchema() {
        return !schema.isEmpty();
    }

    /** B5 and B6 come with B3: they measure its data and its run. */
    boolean runs(String measure) {
        return measures.isEmpty() || measures.contains(measure);
    }

    static Options smoke(Path out) {
        return new Options(0.002, 2, Duration.ofMillis(250), 60, List.of(1, 8, 32), 100, 16, Duration.ofSeconds(1),
                out, List.of(), 150, 12, "", Duration.ofSeconds(1), false, Duration.ZERO);
    }

    /** Every option the bench takes: {@code --smoke} and these as {@code --name=value}. */
    static final List<String> OPTIONS = List.of("commands-per-run", "commands-warmup-seconds", "concurrencies", "import-rows", "ingest-concurrency", "latency-client", "latency-seconds", "latency-warmup-seconds", "measures", "out", "peer-rebuild-events", "reference-millis", "repeats", "scale", "schema", "units");

    static Options parse(String[] args) {
        refuseUnknown(args);
        boolean smoke = Arrays.asList(args).contains("--smoke");
        Path out = Path.of(value(args, "out", "target/bench"));
        Options base = smoke ? smoke(out) : new Options(1, 3, Duration.ofSeconds(5), 4_000, List.of(1, 8, 32), 5_000, 32,
                Duration.ofSeconds(20), out, List.of(), 20_000, 0, "", Duration.ofSeconds(60), false,
                Duration.ofSeconds(20));
        return new Options(Double.parseDouble(value(args, "scale", String.valueOf(base.scale()))),
                Integer.parseInt(value(args, "repeats", String.valueOf(base.repeats()))),
                Duration.ofMillis(Long.parseLong(value(args, "reference-millis",
                        String.valueOf(base.referenceTime().toMillis())))),
                Integer.parseInt(value(args, "commands-per-run", String.valueOf(base.commandsPerRun()))),
                concurrencies(value(args, "concurrencies", ""), base.concurrencies()),
                Integer.parseInt(value(args, "import-rows", String.valueOf(base.importRows()))),
                Integer.parseInt(value(args, "ingest-concurrency", String.valueOf(base.ingestConcurrency()))),
                Duration.ofSeconds(Long.parseLong(value(args, "latency-seconds",
                        String.valueOf(base.latencyTime().toSeconds())))),
                out, value(args, "measures", "").isBlank() ? List.of()
                        : List.of(value(args, "measures", "").split(",")),
                Long.parseLong(value(args, "peer-rebuild-events", String.valueOf(base.peerRebuildEvents()))),
                Integer.parseInt(value(args, "units", String.valueOf(base.units()))),
                value(args, "schema", base.schema()),
                Duration.ofSeconds(Long.parseLong(value(args, "latency-warmup-seconds",
                        String.valueOf(base.latencyWarmUp().toSeconds())))),
                latencyClient(value(args, "latency-client", "process")),
                Duration.ofSeconds(Long.parseLong(value(args, "commands-warmup-seconds",
                        String.valueOf(base.commandsWarmUp().toSeconds())))));
    }

    private static List<Integer> concurrencies(String value, List<Integer> fallback) {
        if (value.isBlank()) {
            return fallback;
        }
        List<Integer> concurrencies = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
        if (concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--concurrencies=" + value + ": positive numbers, e.g. 1,8,32");
        }
        return concurrencies;
    }

    private static boolean latencyClient(String value) {
        return switch (value) {
            case "process" -> false;
            case "in-jvm" -> true;
            default -> throw new IllegalArgumentException("--latency-client=" + value + ": process or in-jvm");
        };
    }

    /** A mistyped option (or {@code --help}) must not start a run, in whatever database the environment names. */
    private static void refuseUnknown(String[] args) {
        for (String arg : args) {
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
            if (!arg.equals("--smoke") && (name == null || !OPTIONS.contains(name))) {
                throw new IllegalArgumentException("unknown option " + arg + "; the bench takes --smoke and "
                        + String.join(", ", OPTIONS.stream().map(option -> "--" + option + "=").toList())
                        + " (deploy/README.md)");
            }
        }
    }

    private static String value(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
