package dev.ecstags.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction of the test's own that holds the row lock of a resource, as a long TagResources of another client
 * would: a TagResources or UntagResources of that resource then waits in the database, deterministically, until
 * the lock is released or its statement times out.
 */
public final class HeldLock implements AutoCloseable {

    private final Connection connection;
    private final int backendPid;

    private HeldLock(Connection connection, int backendPid) {
        this.connection = connection;
        this.backendPid = backendPid;
    }

    /** Locks the resource row and its tag rows. */
    public static HeldLock onResource(String resourceId) {
        var details = TestPostgres.connectionDetails();
        try {
            var connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
                    details.getPassword());
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement(
                    "select 1 from resource where resource_id = ? for update")) {
                statement.setString(1, resourceId);
                statement.execute();
            }
            try (var statement = connection.prepareStatement("select 1 from tag where resource_id = ? for update")) {
                statement.setString(1, resourceId);
                statement.execute();
            }
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select pg_backend_pid()")) {
                result.next();
                return new HeldLock(connection, result.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock " + resourceId, e);
        }
    }

    /** Calls (of any client) waiting for a lock right now. */
    public static int waitingForLocks() {
        var details = TestPostgres.connectionDetails();
        try (var connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
                details.getPassword());
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The backends (pids) waiting for this lock right now. Read on a connection of its own: within the lock's
     * transaction, PostgreSQL would show the same snapshot of pg_stat_activity every time.
     */
    public List<Integer> waiting() {
        return pids("select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))", backendPid);
    }

    /** What a backend is doing ({@code idle}, {@code active}…), or null once it has ended. */
    public static String stateOf(int pid) {
        var details = TestPostgres.connectionDetails();
        try (var connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
                details.getPassword());
                var statement = connection.prepareStatement("select state from pg_stat_activity where pid = ?")) {
            statement.setInt(1, pid);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> pids(String query, int parameter) {
        var details = TestPostgres.connectionDetails();
        try (var connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
                details.getPassword());
                var statement = connection.prepareStatement(query)) {
            statement.setInt(1, parameter);
            List<Integer> pids = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    pids.add(result.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
