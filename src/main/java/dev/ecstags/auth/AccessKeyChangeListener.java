package dev.ecstags.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's AccessKey cache in step with the other instances': it {@code LISTEN}s for admin changes on a
 * connection of its own (outside the pool, which it would otherwise hold forever) and evicts each changed key. While
 * it is not listening, changes may be missed: so when its connection drops it clears the whole cache, reconnects with
 * backoff, and clears it again once it listens, for what changed in between.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessKeyChangeListener implements SmartLifecycle {

    /** What pg_stat_activity shows for the connection. */
    static final String APPLICATION_NAME = "ecs-tag-service access-key listener";

    private static final Logger log = LoggerFactory.getLogger(AccessKeyChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final AccessKeyLookup accessKeys;
    private final JdbcConnectionDetails database;
    private volatile Thread thread;
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "access-key-listener");
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
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + AccessKeyLookup.CHANGES_CHANNEL);
                }
                accessKeys.evictAll();
                retry = FIRST_RETRY;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            accessKeys.evict(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                accessKeys.evictAll();
                if (!running) {
                    return;
                }
                log.warn("Not listening for AccessKey changes ({}); the AccessKey cache is cleared, retrying in {} ms",
                        e.getMessage(), retry.toMillis());
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.getUsername() != null) {
            properties.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(database.getJdbcUrl(), properties);
    }
}
