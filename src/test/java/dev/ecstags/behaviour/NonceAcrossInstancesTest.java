package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.support.SecondInstance;
import dev.ecstags.support.TestIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of the service on one database, as behind a load balancer: what one instance has seen (a nonce)
 * or issued (a page token) holds on the other, because it lives in PostgreSQL, not in memory.
 */
class NonceAcrossInstancesTest extends TagBehaviourTest {

    @RegisterExtension
    static final SecondInstance secondInstance = new SecondInstance();

    @Test
    void aV3NonceUsedOnOneInstanceIsRefusedOnTheOther() {
        var account = newAccount();
        var resource = instanceOf(account);
        IssuedAccessKey key = accessKeys.create(account.id(), false);
        String nonce = TestIds.nonce();
        var withNonce = Map.of("x-acs-signature-nonce", nonce);

        var first = new TeaRpc(key, port).call("TagResources",
                Parameters.instances(resource).tags("k", "v").map(), withNonce);
        assertOk(first);
        assertThat(recordedNonces(key, nonce)).isEqualTo(1);

        var replay = new TeaRpc(key, secondInstance.port()).call("UntagResources",
                Parameters.instances(resource).tagKeys("k").map(), withNonce);
        assertRefused(replay, 400, "SignatureNonceUsed");
        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("k", "v"));

        assertOk(new TeaRpc(key, secondInstance.port()).call("UntagResources",
                Parameters.instances(resource).tagKeys("k").map()));
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }

    @Test
    void aV1NonceUsedOnOneInstanceIsRefusedOnTheOther() {
        var account = newAccount();
        var resource = instanceOf(account);
        IssuedAccessKey key = accessKeys.create(account.id(), false);
        String nonce = UUID.randomUUID().toString();
        var parameters = Parameters.instances(resource).with("SignatureNonce", nonce).map();

        assertOk(new TeaRpc(key, secondInstance.port(), true).call("ListTagResources", parameters));
        assertThat(recordedNonces(key, nonce)).isEqualTo(1);

        assertRefused(new TeaRpc(key, port, true).call("ListTagResources", parameters), 400, "SignatureNonceUsed");
    }

    @Test
    void theSameNonceIsFineForAnotherAccessKey() {
        var account = newAccount();
        var resource = instanceOf(account);
        String nonce = TestIds.nonce();
        var withNonce = Map.of("x-acs-signature-nonce", nonce);
        var query = Parameters.instances(resource).map();

        assertOk(new TeaRpc(accessKeys.create(account.id(), false), port).call("ListTagResources", query, withNonce));
        assertOk(new TeaRpc(accessKeys.create(account.id(), false), secondInstance.port())
                .call("ListTagResources", query, withNonce));
    }

    @Test
    void aPageTokenFromOneInstanceContinuesOnTheOther() {
        var account = newAccount();
        var resources = List.of(instanceOf(account), instanceOf(account), instanceOf(account));
        assertOk(tag(account.key(), Parameters.instances(resources).tags(numberedTags("k", 0, 20))));

        var first = list(account.key(), Parameters.instances(resources));
        assertOk(first);
        var second = new TeaRpc(accessKeys.create(account.id(), false), secondInstance.port())
                .call("ListTagResources", Parameters.instances(resources).with("NextToken", first.nextToken()).map());

        assertOk(second);
        assertThat(second.tagResources()).hasSize(10);
        assertThat(second.nextToken()).isEmpty();
    }

    private long recordedNonces(IssuedAccessKey key, String nonce) {
        return jdbc.sql("select count(*) from signature_nonce where access_key_id = ? and nonce = ? and account_id = ?")
                .params(key.accessKeyId(), nonce, key.accountId())
                .query(Long.class)
                .single();
    }
}
