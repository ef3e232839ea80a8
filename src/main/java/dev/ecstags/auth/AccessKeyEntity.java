package dev.ecstags.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A row of {@code access_key}, for the operator's create/update/delete; requests read keys via AccessKeyLookup. */
@Entity
@Table(name = "access_key")
class AccessKeyEntity implements Persistable<String> {

    @Id
    @Column(name = "access_key_id", length = 64)
    private String accessKeyId;

    @Column(name = "account_id", nullable = false, length = 20)
    private String accountId;

    /** AES-GCM: IV, then ciphertext and tag (see SecretCipher). */
    @Column(name = "secret_cipher", nullable = false)
    private byte[] secretCipher;

    @Column(name = "service", nullable = false)
    private boolean service;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 8)
    private AccessKeyStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The id is assigned here, so Spring Data cannot tell a new key from a stored one by a null id. */
    @Transient
    private boolean isNew;

    protected AccessKeyEntity() {
    }

    AccessKeyEntity(String accessKeyId, String accountId, byte[] secretCipher, boolean service, Instant createdAt) {
        this.accessKeyId = accessKeyId;
        this.accountId = accountId;
        this.secretCipher = secretCipher;
        this.service = service;
        this.status = AccessKeyStatus.Active;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return accessKeyId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    String accountId() {
        return accountId;
    }

    void changeStatus(AccessKeyStatus status) {
        this.status = status;
    }

    AccessKeyView view() {
        return new AccessKeyView(accessKeyId, accountId, service, status);
    }
}
