package org.campaignledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite at a tiny scale against the real PostgreSQL, so the harness cannot rot: every
 * measure is produced, with its reference from the same run, and both reports are written.
 * Speeds are not asserted here; that is what the full run and docs/PERFORMANCE.md are for.
 */
class BenchSmokeIT {

    @TempDir
    Path out;

    @Test
    void producesEveryMeasureBesideItsReferenceInMarkdownAndJson() throws Exception {
        new Bench(Options.smoke(out)).run();

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("machine").path("cores").asInt()).isPositive();
        assertThat(results.path("machine").path("postgresSettings").path("synchronous_commit").asText()).isNotEmpty();
        List<String> ids = new ArrayList<>();
        for (JsonNode measure : results.path("measures")) {
            ids.add(measure.path("id").asText());
            assertThat(measure.path("value").path("median").asDouble()).as(measure.toString()).isPositive();
            assertThat(measure.path("referenceValue").path("median").asDouble()).as(measure.toString()).isPositive();
        }
        // B1: 3 concurrencies × (in-process, limit-single in two round trips, http, peer-default);
        // B4: beside limit-scan and peer-default;
        // B5: six questions, "as known at" a new instant per request, and one question over HTTP Basic
        assertThat(ids).filteredOn("B1"::equals).hasSize(12);
        assertThat(results.path("measures").findValuesAsText("measure"))
                .filteredOn(measure -> measure.startsWith("limit-single in two round trips")).hasSize(3);
        assertThat(ids).filteredOn("B4"::equals).hasSize(2);
        assertThat(results.path("peerDefault").asText()).contains("JpaEventStorageEngine");
        assertThat(ids).filteredOn("B5"::equals).hasSize(8);
        assertThat(results.path("latencyClient").asText()).startsWith("a JVM of its own").contains("2 round(s)");
        // every question measured once per repeat, each round's p99 a sample of its row
        for (JsonNode measure : results.path("measures")) {
            if (measure.path("id").asText().equals("B5")) {
                assertThat(measure.path("referenceValue").path("samples")).as(measure.toString()).hasSize(2);
            }
        }
        assertThat(ids).contains("B2", "B3", "B4", "B6", "B7");
        assertThat(results.path("measures").get(0).path("value").path("samples")).hasSize(2);
        // where the run's time went, so a slow part of the harness shows in CI's log and in the report
        List<String> phases = new ArrayList<>();
        results.path("phaseSeconds").fieldNames().forEachRemaining(phases::add);
        assertThat(phases).containsExactly("start", "B1 warm-up", "B1", "B7", "B2", "B3", "B5", "B4");
        // the smoke run measures without B1's warm-up (--commands-warmup-seconds=0), and says so
        assertThat(results.path("b1WarmUp").path("secondsPerPath").asLong(-1)).isZero();
        assertThat(results.path("b1WarmUp").path("commands").asLong(-1)).isZero();
        // each B1 reference and run waited for both systems' projections to catch up first
        assertThat(results.path("b1QuietSeconds").isNumber()).as(results.toString()).isTrue();
        assertThat(Files.readString(out.resolve("results.md")))
                .contains("| id | measure | value | reference (same run) | ratio | goal | met |", "limit-single",
                        "limit-batch", "limit-scan", "peer-default", "a kept-alive connection of its own");

        // the same questions of the log that run left, from a new JVM's application: how scale 4 is set beside scale 1
        Path again = out.resolve("again");
        Options inBenchJvm = Options.parse(new String[] {"--smoke", "--latency-client=in-jvm"});
        assertThat(inBenchJvm.latencyInBenchJvm()).isTrue();
        // and B5's clients in the bench's JVM, as before they had one of their own
        new Bench(inBenchJvm.onExistingLog(results.path("schema").asText(), List.of("B5"), again)).run();
        JsonNode reused = new ObjectMapper().readTree(again.resolve("results.json").toFile());
        assertThat(reused.path("schema").asText()).isEqualTo(results.path("schema").asText());
        assertThat(reused.path("reusedLogEvents").asLong()).isPositive();
        List<String> reusedIds = new ArrayList<>();
        reused.path("measures").forEach(measure -> reusedIds.add(measure.path("id").asText()));
        assertThat(reusedIds).hasSize(8).containsOnly("B5");
        assertThat(reused.path("latencyClient").asText()).startsWith("in the bench's JVM");
        List<String> reusedPhases = new ArrayList<>();
        reused.path("phaseSeconds").fieldNames().forEachRemaining(reusedPhases::add);
        assertThat(reusedPhases).containsExactly("start", "B5");
    }

    @Test
    void refusesToMeasureAnExistingLogWithMeasuresThatWouldWriteToIt() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--schema=bench_20261201_150000", "--measures=B1,B5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B1,B5");
        assertThatThrownBy(() -> Options.parse(new String[] {"--schema=bench_20261201_150000"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not all");
        assertThatThrownBy(() -> Options.parse(new String[] {"--schema=x; drop table y", "--measures=B5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> Options.parse(new String[] {"--latency-client=browser"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process or in-jvm");
    }
}
