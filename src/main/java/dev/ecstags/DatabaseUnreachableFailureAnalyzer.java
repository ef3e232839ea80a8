package dev.ecstags;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "the database cannot be reached" at startup (refused, unknown host, wrong password, no such database) into
 * one clear report naming the settings to check, instead of a page of stack trace.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean unreachable = state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
                || findCause(rootFailure, ConnectException.class) != null
                || findCause(rootFailure, UnknownHostException.class) != null;
        if (!unreachable) {
            return null;
        }
        return new FailureAnalysis(
                "The database cannot be reached at " + url() + ": " + firstLine(cause.getMessage()),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that "
                        + "PostgreSQL is running and accepts connections from this host.",
                cause);
    }

    /** The JDBC URL without its query, which may carry a password. */
    private String url() {
        String url = environment.getProperty("spring.datasource.url", "(SPRING_DATASOURCE_URL not set)");
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
