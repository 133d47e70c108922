package org.campaignledger.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one jar ({@code deploy/all-in-one/target/campaign-ledger.jar}) as a process of its own, on one
 * port of 127.0.0.1 across restarts, logging to {@code target/crash/ledger-N.log}. {@link #kill()} is
 * {@code kill -9}: no shutdown hook runs, nothing is flushed, claims are not released.
 */
final class AllInOneProcess implements AutoCloseable {

    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private Process process;
    private int starts;

    AllInOneProcess(Path jar, List<String> arguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests install, or run"
                    + " this module in the reactor after deploy/all-in-one)");
        }
        this.jar = jar;
        this.port = freePort();
        this.arguments = List.copyOf(arguments);
    }

    static Path defaultJar() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/all-in-one/target/campaign-ledger.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../all-in-one/target/campaign-ledger.jar").normalize();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until it answers its liveness probe. */
    void start() throws IOException {
        Path logs = Path.of("target", "crash");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("ledger-" + starts + ".log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await("the ledger up (start " + starts + ")").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the ledger exited; see target/crash/ledger-" + starts + ".log");
                    }
                    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the ledger survived kill -9");
        }
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
