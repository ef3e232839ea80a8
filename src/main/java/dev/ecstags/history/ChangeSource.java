package dev.ecstags.history;

import java.util.Locale;
import java.util.UUID;

/**
 * Who makes a change, as the tag history records it: the RequestId of the call and the AccessKeyId that signed it
 * ({@value #ADMIN} for the admin API). The web layer creates it; the stores write it beside every change.
 */
public record ChangeSource(String requestId, String accessKeyId) {

    public static final String ADMIN = "admin";

    /** An admin API call: it has no RequestId of its own, so one is made up, in the RPC API's form. */
    public static ChangeSource admin() {
        return new ChangeSource(UUID.randomUUID().toString().toUpperCase(Locale.ROOT), ADMIN);
    }
}
