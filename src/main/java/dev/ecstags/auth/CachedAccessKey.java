package dev.ecstags.auth;

/**
 * An AccessKey as requests need it, its secret decrypted: it lives only in {@link AccessKeyLookup}'s cache and is
 * never printed. {@code caller} is built once per load, not once per request.
 */
record CachedAccessKey(Caller caller, AccessKeyStatus status, String secret) {

    @Override
    public String toString() {
        return "CachedAccessKey[caller=" + caller + ", status=" + status + ", secret=(redacted)]";
    }
}
