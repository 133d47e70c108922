package org.campaignledger.query.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each query node {@code LISTEN}s on {@link ProjectionSignals#CHANNEL} over a connection of its own and
 * hands every campaign id it hears to {@link LiveUpdates}: a command accepted on any node, projected by
 * any node, reaches the browsers of all of them. If the database goes away it reconnects, and then tells
 * every browser to re-read, since it may have missed notifications meanwhile.
 */
@Component
class ProgressListener implements SmartLifecycle {

    static final Duration WAIT = Duration.ofMillis(500);
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final DataSource dataSource;
    private final LiveUpdates live;
    private volatile Thread thread;
    private volatile boolean running;

    ProgressListener(DataSource dataSource, LiveUpdates live) {
        this.dataSource = dataSource;
        this.live = live;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "dashboard-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ProjectionSignals.CHANNEL);
                }
                if (reconnecting) {
                    log.info("Listening for projection changes again");
                    live.changedEverywhere();
                }
                reconnecting = true;
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            live.changed(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for projection changes ({}); retrying in {}", e.getMessage(), RETRY);
                    reconnecting = true;
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis()); // the listener's own thread: wait before reconnecting to the database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
