package dev.ecstags.inflight;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JdbcTemplate under every JdbcClient of the service: it tells {@link InFlightCalls} which statement a watched
 * call starts (the only hook JdbcTemplate has on each statement it creates), and raises {@link ClientLeftException}
 * rather than a timeout when a watched call's statement was cancelled because its client left.
 */
final class WatchedJdbcTemplate extends JdbcTemplate {

    private final InFlightCalls calls;

    WatchedJdbcTemplate(DataSource dataSource, InFlightCalls calls) {
        super(dataSource);
        this.calls = calls;
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        calls.starting(statement);
    }

    @Override
    protected DataAccessException translateException(String task, String sql, SQLException failure) {
        // A cancelled statement raises query_canceled (as statement_timeout does): for a call whose client left,
        // that is the end of a call nobody waits for, not the database failing.
        if (InFlightCalls.QUERY_CANCELED.equals(failure.getSQLState()) && calls.clientLeft()) {
            return new ClientLeftException("The client left while its call ran: " + failure.getMessage(), failure);
        }
        return super.translateException(task, sql, failure);
    }
}
