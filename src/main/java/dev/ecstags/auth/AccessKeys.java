package dev.ecstags.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's side of AccessKeys: issue, enable/disable and delete them. */
@Service
public class AccessKeys {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** The prefix Alibaba Cloud's own long-term AccessKeyIds carry. */
    private static final String ACCESS_KEY_ID_PREFIX = "LTAI";
    private static final int ACCESS_KEY_ID_RANDOM_LENGTH = 20;
    private static final int SECRET_LENGTH = 30;

    private final AccessKeyRepository repository;
    private final SecretCipher secretCipher;
    private final SignatureNonces nonces;
    private final AccessKeyLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessKeys(AccessKeyRepository repository, SecretCipher secretCipher, SignatureNonces nonces,
               AccessKeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.secretCipher = secretCipher;
        this.nonces = nonces;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * Issues an active AccessKey for an account; its secret is stored encrypted and returned only here.
     *
     * @param accountId a decimal account id of 1–20 digits
     * @throws IllegalArgumentException if the account id is not one
     */
    @Transactional
    public IssuedAccessKey create(String accountId, boolean service) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be a decimal id of 1 to 20 digits");
        }
        String accessKeyId = ACCESS_KEY_ID_PREFIX + randomAlphanumerics(ACCESS_KEY_ID_RANDOM_LENGTH);
        String secret = randomAlphanumerics(SECRET_LENGTH);
        repository.save(new AccessKeyEntity(accessKeyId, accountId, secretCipher.encrypt(accessKeyId, secret), service,
                clock.instant()));
        // An id is random, but one that was asked for before it existed would be cached as unknown.
        lookup.announceChange(accessKeyId);
        return new IssuedAccessKey(accessKeyId, secret, accountId, service, AccessKeyStatus.Active);
    }

    /**
     * Enables or disables a key; empty if there is no such key. Every instance sees the change within a second (a
     * NOTIFY sent on commit evicts the key from their caches), or within the cache's TTL if the notice is lost.
     */
    @Transactional
    public Optional<AccessKeyView> changeStatus(String accessKeyId, AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        return repository.findById(accessKeyId).map(accessKey -> {
            accessKey.changeStatus(status);
            lookup.announceChange(accessKeyId);
            return accessKey.view();
        });
    }

    /** Deletes a key for good, with the nonces recorded for it; false if there is no such key. */
    @Transactional
    public boolean delete(String accessKeyId) {
        return repository.findById(accessKeyId).map(accessKey -> {
            repository.delete(accessKey);
            nonces.forget(accessKey.accountId(), accessKeyId);
            lookup.announceChange(accessKeyId);
            return true;
        }).orElse(false);
    }

    private String randomAlphanumerics(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return value.toString();
    }
}
