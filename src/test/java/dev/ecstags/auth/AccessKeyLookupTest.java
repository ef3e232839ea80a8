package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.IntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-instance cache of AccessKeys that requests read instead of the database. */
@IntegrationTest
class AccessKeyLookupTest {

    @Autowired
    AccessKeyLookup lookup;
    @Autowired
    AccessKeys accessKeys;
    @Autowired
    SecretCipher secretCipher;
    @Autowired
    JdbcClient jdbc;

    private final String accountId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));

    @Test
    void anUnknownIdIsRememberedSoRepeatingItDoesNotReadTheDatabase() {
        String madeUp = "LTAImadeup" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        assertThat(lookup.find(madeUp)).isEmpty();

        // Written behind the service's back (no NOTIFY): the cached answer stands until it expires or is evicted.
        jdbc.sql("insert into access_key (access_key_id, account_id, secret_cipher) values (?, ?, ?)")
                .params(madeUp, accountId, secretCipher.encrypt(madeUp, "s3cret")).update();
        assertThat(lookup.find(madeUp)).isEmpty();

        lookup.evict(madeUp);
        assertThat(lookup.find(madeUp)).hasValueSatisfying(key -> assertThat(key.caller().accountId()).isEqualTo(accountId));
    }

    @Test
    void aKeyIsReadOnceThenServedFromTheCacheUntilAnAdminChangeEvictsIt() {
        // Written behind the service's back, so that no notice of its creation can evict it while the test runs.
        String accessKeyId = "LTAIcached" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.sql("insert into access_key (access_key_id, account_id, secret_cipher) values (?, ?, ?)")
                .params(accessKeyId, accountId, secretCipher.encrypt(accessKeyId, "s3cret")).update();
        assertThat(lookup.find(accessKeyId)).hasValueSatisfying(
                key -> assertThat(key.status()).isEqualTo(AccessKeyStatus.Active));
        jdbc.sql("update access_key set service = true where access_key_id = ?").param(accessKeyId).update();
        assertThat(lookup.find(accessKeyId).orElseThrow().caller().service()).isFalse();

        accessKeys.changeStatus(accessKeyId, AccessKeyStatus.Inactive);

        var changed = lookup.find(accessKeyId).orElseThrow();
        assertThat(changed.status()).isEqualTo(AccessKeyStatus.Inactive);
        assertThat(changed.caller().service()).isTrue();
    }

    @Test
    void theDecryptedSecretIsNeverPrinted() {
        IssuedAccessKey issued = accessKeys.create(accountId, false);

        var cached = lookup.find(issued.accessKeyId()).orElseThrow();

        assertThat(cached.secret()).isEqualTo(issued.accessKeySecret());
        assertThat(cached.toString()).doesNotContain(issued.accessKeySecret()).contains(issued.accessKeyId());
    }
}
