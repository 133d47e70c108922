package org.campaignledger.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL 15 cluster of the test's own (the embedded binaries the platform ships), on a free port and
 * a temporary data directory, that the test may stop and start again on the same port and data. The
 * machine's PostgreSQL on 5432 is shared with others and is never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PrivatePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static PrivatePostgres start() throws IOException {
        PrivatePostgres postgres = new PrivatePostgres(Files.createTempDirectory("reliability-pg"), freePort());
        postgres.resume();
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    boolean running() {
        return server != null;
    }

    /** Stops the server as an operator's {@code pg_ctl stop -m fast} does: open connections are cut. */
    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Crashes the server as {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster): every process exits
     * at once, WAL not yet written is lost, and the next start runs crash recovery. Transactions committed with
     * {@code synchronous_commit = off} in the last moments may be gone; synchronous ones are not.
     */
    synchronized void crash() throws IOException {
        if (server != null) {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
            try {
                new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster)).inheritIO().start().waitFor();
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IOException("the postmaster " + postmaster + " did not exit on SIGQUIT", e);
            }
            server.close(); // its pg_ctl stop finds no server (logged) and it releases its lock
            server = null;
        }
    }

    /** Starts the server again on the same port with the same data. */
    synchronized void resume() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "50")
                    .start();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
