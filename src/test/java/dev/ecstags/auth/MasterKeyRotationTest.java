package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.TagsProperties;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rotated master key: keys whose secrets were sealed under the previous key (TAGS_PREVIOUS_MASTER_KEYS in
 * application-test.yml) or stored before key ids existed keep signing, and the admin re-seal moves every secret
 * under the current key.
 */
class MasterKeyRotationTest extends ServiceTest {

    /** application-test.yml's tags.previous-master-keys. */
    private static final String PREVIOUS_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    @Autowired
    SecretCipher cipher;

    @Test
    void secretsSealedUnderThePreviousKeyOrBeforeKeyIdsSignAndAreResealedUnderTheCurrentKey() throws Exception {
        IssuedAccessKey underPreviousKey = newNormalKey();
        SecretCipher previous = new SecretCipher(new TagsProperties(null, PREVIOUS_KEY, List.of("cn-hangzhou")));
        store(underPreviousKey, previous.encrypt(underPreviousKey.accessKeyId(), underPreviousKey.accessKeySecret()));
        IssuedAccessKey legacy = newNormalKey();
        store(legacy, SecretCipherTest.legacySeal(Base64.getDecoder().decode(PREVIOUS_KEY), legacy.accessKeyId(),
                legacy.accessKeySecret()));

        assertSigns(underPreviousKey);
        assertSigns(legacy);

        String answer = reseal();

        var outcome = JsonMapper.shared().readTree(answer);
        assertThat(outcome.get("keyId").asString()).isEqualTo(cipher.currentKeyId());
        assertThat(outcome.get("resealed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.get("unreadable").isEmpty()).isTrue();
        assertThat(cipher.sealedUnderCurrentKey(stored(underPreviousKey))).isTrue();
        assertThat(cipher.sealedUnderCurrentKey(stored(legacy))).isTrue();
        assertSigns(underPreviousKey);
        assertSigns(legacy);
        assertThat(answer).doesNotContain(legacy.accessKeySecret(), underPreviousKey.accessKeySecret());

        assertThat(JsonMapper.shared().readTree(reseal()).get("resealed").asInt()).as("run again").isZero();
    }

    private void assertSigns(IssuedAccessKey key) {
        var response = new RpcClient(port).v1(key).action("ListTagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", "i-none").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    private void store(IssuedAccessKey key, byte[] sealed) {
        jdbc.sql("update access_key set secret_cipher = ? where access_key_id = ?")
                .params(sealed, key.accessKeyId()).update();
    }

    private byte[] stored(IssuedAccessKey key) {
        return jdbc.sql("select secret_cipher from access_key where access_key_id = ?").param(key.accessKeyId())
                .query(byte[].class).single();
    }

    private String reseal() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/admin/v1/master-key/reseal"))
                .header("Authorization", "Bearer test-admin-token")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
