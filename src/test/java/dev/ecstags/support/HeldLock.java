package dev.ecstags.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A transaction of the test's own that holds the row lock of a resource, as a long TagResources of another client
 * would: a TagResources or UntagResources of that resource then waits in the database, deterministically, until
 * the lock is released or its statement times out.
 */
public final class HeldLock implements AutoCloseable {

    private final Connection connection;

    private HeldLock(Connection connection) {
        this.connection = connection;
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
            return new HeldLock(connection);
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

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
