package org.campaignledger.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SimulatorCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void describesAPlanWithoutSendingIt() {
        int status = run("--plan-only", "--scale", "0.01", "--seed", "42");

        assertThat(status).isZero();
        assertThat(text(out)).contains("Planned 17,500 commands for hanoi-2025 (126 units, 2025-07-24 to 2025-09-06)")
                .contains("RecordSupportSessionCommand").contains("invalid, to be rejected as course-not-in-campaign")
                .contains("units with IT officer 126/126");
    }

    @Test
    void refusesToRunWithoutAPlatformToSendTo() {
        int status = run("--scale", "0.01");

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("--http URL is required").contains("Usage:");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThat(run("--sclae", "1")).isEqualTo(2);
        assertThat(text(err)).contains("Unknown option: --sclae");
    }

    private int run(String... args) {
        return SimulatorCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
