package org.campaignledger.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Prometheus tools (Debian's {@code prometheus} package; CI installs it): missing is a failure, never a skip. */
final class Tools {

    private Tools() {
    }

    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/prometheus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No deploy/prometheus above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not installed: these tests need the real Prometheus tools"
                + " (Debian: apt-get install -y prometheus; .ci/run installs it)");
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a tool to its end (at most a minute), stdin from the given text, stdout and stderr together. */
    static Result run(String input, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, executable(line.get(0)));
        Path out = Files.createTempFile("tool", ".out");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within a minute");
        }
        String output = Files.readString(out);
        Files.delete(out);
        return new Result(process.exitValue(), output);
    }
}
