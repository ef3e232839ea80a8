package dev.ecstags.auth;

import java.util.List;

/**
 * What {@link AccessKeys#resealSecrets} did; the admin API answers with it as it is.
 *
 * @param keyId      the id of the master key every readable secret is now sealed under
 * @param unreadable keys whose secret no configured master key opens (they cannot sign until re-issued)
 */
public record ResealOutcome(String keyId, int resealed, int alreadyCurrent, List<String> unreadable) {
}
