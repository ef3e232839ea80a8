package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-instance cache of AccessKeys that requests read instead of the database. */
class AccessKeyLookupTest extends ServiceTest {

    @Autowired
    AccessKeyLookup lookup;
    @Autowired
    SecretCipher secretCipher;

    private final String accountId = TestIds.account();

    @Test
    void anUnknownIdIsRememberedSoRepeatingItDoesNotReadTheDatabase() {
        String madeUp = TestIds.resource("LTAImadeup");
        assertThat(lookup.find(madeUp)).isEmpty();

        // Written behind the service's back (no NOTIFY): the cached answer stands until it expires or is evicted.
        jdbc.sql("insert into access_key (access_key_id, account_id, secret_cipher) values (?, ?, ?)")
                .params(madeUp, accountId, secretCipher.encrypt(madeUp, "s3cret")).update();
        assertThat(lookup.find(madeUp)).isEmpty();

        lookup.evict(madeUp);
        assertThat(lookup.find(madeUp))
                .hasValueSatisfying(key -> assertThat(key.caller().accountId()).isEqualTo(accountId));
    }

    @Test
    void aKeyIsReadOnceThenServedFromTheCacheUntilAnAdminChangeEvictsIt() {
        // Written behind the service's back, so that no notice of its creation can evict it while the test runs.
        String accessKeyId = TestIds.resource("LTAIcached");
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
