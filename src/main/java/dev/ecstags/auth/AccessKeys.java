package dev.ecstags.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;
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
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessKeys(AccessKeyRepository repository, SecretCipher secretCipher, SignatureNonces nonces, Clock clock) {
        this.repository = repository;
        this.secretCipher = secretCipher;
        this.nonces = nonces;
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
        return new IssuedAccessKey(accessKeyId, secret, accountId, service, AccessKeyStatus.Active);
    }

    /** Enables or disables a key; empty if there is no such key. */
    @Transactional
    public Optional<AccessKeyView> changeStatus(String accessKeyId, AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        return repository.findById(accessKeyId).map(accessKey -> {
            accessKey.changeStatus(status);
            return accessKey.view();
        });
    }

    /** Deletes a key for good, with the nonces recorded for it; false if there is no such key. */
    @Transactional
    public boolean delete(String accessKeyId) {
        return repository.findById(accessKeyId).map(accessKey -> {
            repository.delete(accessKey);
            nonces.forget(accessKey.accountId(), accessKeyId);
            return true;
        }).orElse(false);
    }

    /** A key as operators see it, without its secret; empty if there is no such key. */
    @Transactional(readOnly = true)
    public Optional<AccessKeyView> find(String accessKeyId) {
        return repository.findById(accessKeyId).map(AccessKeyEntity::view);
    }

    /**
     * One page of an account's keys, without their secrets, in id order (keyset paging: stable while keys come and
     * go).
     *
     * @param afterAccessKeyId the last id of the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public List<AccessKeyView> list(String accountId, String afterAccessKeyId, int limit) {
        return repository.findByAccountIdAndAccessKeyIdGreaterThanOrderByAccessKeyId(accountId,
                        afterAccessKeyId == null ? "" : afterAccessKeyId, Limit.of(limit))
                .stream().map(AccessKeyEntity::view).toList();
    }

    private String randomAlphanumerics(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return value.toString();
    }
}
