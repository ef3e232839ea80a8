package dev.ecstags.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecstags.TagsProperties;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Page tokens: they carry where a page ended, and only for the query they were issued for. */
class NextTokensTest {

    private static final String QUERY = "900\u0001cn-hangzhou\u0001instance\u0001false\u0003\u0003env\u0001\u0000\u0003";
    private static final TaggedResource LAST = new TaggedResource("i-\u4e2d\u00e9", "instance", "k=ey/\u00e9", "v");

    private final NextTokens tokens = tokensWithMasterKey(new byte[32]);

    @Test
    void aTokenReadsBackAsThePositionItWasIssuedAt() {
        String token = tokens.issue(LAST, QUERY);

        var position = tokens.read(token, QUERY);

        assertThat(position.resourceId()).isEqualTo(LAST.resourceId());
        assertThat(position.tagKey()).isEqualTo(LAST.tagKey());
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenIsRefusedForAnotherQuery() {
        String token = tokens.issue(LAST, QUERY);

        assertInvalidToken(() -> tokens.read(token, QUERY + "x"));
    }

    @Test
    void aTokenIsRefusedUnderAnotherMasterKey() {
        byte[] other = new byte[32];
        other[0] = 1;
        String token = tokensWithMasterKey(other).issue(LAST, QUERY);

        assertInvalidToken(() -> tokens.read(token, QUERY));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issue(LAST, QUERY);
        String position = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("i-other\u0000k".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertInvalidToken(() -> tokens.read(forged + "." + mac, QUERY));
        assertInvalidToken(() -> tokens.read(position + "." + flipFirst(mac), QUERY));
        assertInvalidToken(() -> tokens.read(position + "." + mac.substring(1), QUERY));
        assertInvalidToken(() -> tokens.read(position, QUERY));
        assertInvalidToken(() -> tokens.read(position + ".!!!", QUERY));
        assertInvalidToken(() -> tokens.read("", QUERY));
        assertInvalidToken(() -> tokens.read(".", QUERY));
    }

    private static String flipFirst(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }

    private static void assertInvalidToken(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertThat(refusal.errorCode()).isEqualTo(ErrorCode.INVALID_NEXT_TOKEN));
    }

    /** Bound as Spring binds it, so the test does not depend on the settings record's constructor. */
    private static NextTokens tokensWithMasterKey(byte[] masterKey) {
        var source = new MapConfigurationPropertySource(
                Map.of("tags.master-key", Base64.getEncoder().encodeToString(masterKey)));
        return new NextTokens(new Binder(source).bind("tags", TagsProperties.class).get());
    }
}
