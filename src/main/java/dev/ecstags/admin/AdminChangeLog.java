package dev.ecstags.admin;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per change an operator makes through the admin API: what changed and which key or resources, never
 * a secret or the admin token. Values that came from a request are cut short and stripped of control characters, so
 * a crafted resource id cannot forge a log line.
 */
final class AdminChangeLog {

    private static final Logger log = LoggerFactory.getLogger(AdminChangeLog.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_VALUE_LENGTH = 2000;

    private AdminChangeLog() {
    }

    /** @param what a constant sentence with {} for each value */
    static void changed(String what, Object... values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = safe(values[i]);
        }
        log.info("Admin: " + what, safe);
    }

    static String safe(Object value) {
        if (value == null) {
            return "-";
        }
        String text = CONTROL.matcher(value.toString()).replaceAll("?");
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
    }
}
