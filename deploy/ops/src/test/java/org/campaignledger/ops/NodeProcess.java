package org.campaignledger.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One side as its own JVM on 127.0.0.1 (this test's class path, which holds both sides), logging to
 * {@code target/nodes/<name>.log}. {@link #kill()} is {@code kill -9}: no shutdown hook, no released claim.
 */
final class NodeProcess implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;

    private NodeProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static NodeProcess start(String name, Class<?> application, String applicationName, List<String> arguments)
            throws IOException {
        int port = freePort();
        Path logs = Path.of("target", "nodes");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                application.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.application.name=" + applicationName,
                // the test signs in as the demo's users, in its own JVM (system property) and in these
                "--campaign-ledger.security.demo-users=true"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile()).start();
        return new NodeProcess(name, port, process);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Axon's token store names a claim's owner by the JVM's {@code pid@host}. */
    String ownerPrefix() {
        return process.pid() + "@";
    }

    boolean alive() {
        return process.isAlive();
    }

    void kill() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " failed");
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
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
