package dev.ecstags.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecstags.auth.Caller;
import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.history.ChangeSource;
import dev.ecstags.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The action rules, checked before any database work, answer in the contract's order. */
@IntegrationTest
class TagRequestRulesTest {

    private static final Caller NORMAL = new Caller("LTAInormal", "900000000000001", false);
    private static final Caller SERVICE = new Caller("LTAIservice", "900000000000002", true);
    private static final ChangeSource CHANGE = new ChangeSource("00000000-0000-0000-0000-000000000000", "LTAInormal");

    @Autowired
    TagService tags;

    @Test
    void untagRulesAnswerInPrecedenceOrder() {
        assertThat(untagRefusal(NORMAL, null, "nope", ids(), keys(), false, "1", null, null))
                .isEqualTo(ErrorCode.PERMISSION_DENIED_TAG_OWNER_UID);
        assertThat(untagRefusal(SERVICE, null, "instance", ids("i-1"), keys("k"), false, "1", "b", null))
                .isEqualTo(ErrorCode.MISSING_REGION_ID);
        assertThat(untagRefusal(SERVICE, null, "instance", ids("i-1"), keys("k"), false, "1", null, null))
                .isEqualTo(ErrorCode.MISSING_TAG_OWNER_BID);
        assertThat(untagRefusal(NORMAL, "cn-hangzhou", "instance", ids("i-1"), keys("k"), false, null, null, "public"))
                .isEqualTo(ErrorCode.PERMISSION_DENIED_SCOPE);
        assertThat(untagRefusal(SERVICE, "cn-hangzhou", "instance", ids("i-1"), keys("k"), false, null, null, "all"))
                .isEqualTo(ErrorCode.INVALID_SCOPE);
        assertThat(untagRefusal(NORMAL, "mars-1", "", ids(), keys(), false, null, null, null))
                .isEqualTo(ErrorCode.INVALID_REGION_ID);
        assertThat(untagRefusal(NORMAL, "cn-hangzhou", "spaceship", ids(), keys(), false, null, null, null))
                .isEqualTo(ErrorCode.INVALID_RESOURCE_TYPE);
        assertThat(untagRefusal(NORMAL, "cn-hangzhou", "INSTANCE", ids(), keys(), false, null, null, null))
                .isEqualTo(ErrorCode.MISSING_RESOURCE_IDS);
        assertThat(untagRefusal(NORMAL, "cn-hangzhou", "instance", ids("i-1"), keys(), false, null, null, null))
                .isEqualTo(ErrorCode.MISSING_TAGS);
        assertThat(untagRefusal(NORMAL, "cn-hangzhou", "instance", ids("i-1"), keys("a", "a"), false, null, null, null))
                .isEqualTo(ErrorCode.DUPLICATE_TAG_KEY);
        assertThat(
                untagRefusal(NORMAL, "cn-hangzhou", "instance", ids("i-1"), keys("Aliyun-x"), false, null, null, null))
                .isEqualTo(ErrorCode.INVALID_TAG_KEY);
    }

    @Test
    void tagRulesAnswerInPrecedenceOrder() {
        var keyless = new TreeMap<Integer, TagParameter>();
        keyless.put(1, new TagParameter(null, "v"));
        assertThat(tagRefusal(keyless)).isEqualTo(ErrorCode.TAG_MISMATCH);
        keyless.put(2, new TagParameter("k", "http://x"));
        assertThat(tagRefusal(keyless)).isEqualTo(ErrorCode.INVALID_TAG_VALUE);
        keyless.put(3, new TagParameter("acs:k", "v"));
        assertThat(tagRefusal(keyless)).isEqualTo(ErrorCode.INVALID_TAG_KEY);
        keyless.put(4, new TagParameter("k", "v"));
        assertThat(tagRefusal(keyless)).isEqualTo(ErrorCode.DUPLICATE_TAG_KEY);
        keyless.put(0, new TagParameter("z", "v"));
        assertThat(tagRefusal(keyless)).isEqualTo(ErrorCode.INVALID_TAG_COUNT);
    }

    @Test
    void textThatXmlCannotCarryIsMalformed() {
        for (String bad : List.of("a\u0001", "\u0000", "a\u001f", "a\uFFFE", "\uFFFF", "a\uD800", "\uDC00b",
                "a\uDE00\uD83D")) {
            var badKey = new TreeMap<Integer, TagParameter>();
            badKey.put(1, new TagParameter(bad, "v"));
            assertThat(tagRefusal(badKey)).as("key %s", bad.codePoints().boxed().toList())
                    .isEqualTo(ErrorCode.INVALID_TAG_KEY);
            var badValue = new TreeMap<Integer, TagParameter>();
            badValue.put(1, new TagParameter("k", bad));
            assertThat(tagRefusal(badValue)).as("value %s", bad.codePoints().boxed().toList())
                    .isEqualTo(ErrorCode.INVALID_TAG_VALUE);
            assertThat(untagRefusal(NORMAL, "cn-hangzhou", "instance", ids("i-1"), keys(bad), false, null, null,
                    null)).isEqualTo(ErrorCode.INVALID_TAG_KEY);
        }
        for (String fine : List.of("tab\tkey", "line\nbreak\r", "\uD83D\uDE00", "\uFFFD", "\uE000", "\u00e9")) {
            assertThat(TagRules.isXmlText(fine)).as(fine).isTrue();
        }
    }

    @Test
    void aServiceKeyMayUseTheReservedPrefixes() {
        var request = new UntagResourcesRequest(new TagTarget(SERVICE, "cn-hangzhou", "instance", null, null,
                "private"), ids("i-unknown"), keys("acs:x"), false);
        assertThatCode(() -> tags.untagResources(request, freshNonce(request.target().caller()), CHANGE))
                .isInstanceOfSatisfying(ApiException.class,
                        refusal -> assertThat(refusal.errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    private ErrorCode tagRefusal(SortedMap<Integer, TagParameter> tagList) {
        var request = new TagResourcesRequest(new TagTarget(NORMAL, "cn-hangzhou", "instance", null, null, null),
                ids("i-1"), tagList);
        return refusal(() -> tags.tagResources(request, freshNonce(request.target().caller()), CHANGE));
    }

    private ErrorCode untagRefusal(Caller caller, String region, String type, SortedMap<Integer, String> ids,
            SortedMap<Integer, String> keys, boolean all, String ownerUid, String ownerBid,
            String scope) {
        var request = new UntagResourcesRequest(new TagTarget(caller, region, type, ownerUid, ownerBid, scope), ids,
                keys, all);
        return refusal(() -> tags.untagResources(request, freshNonce(caller), CHANGE));
    }

    private static SignatureNonce freshNonce(Caller caller) {
        return new SignatureNonce(caller.accountId(), caller.accessKeyId(), UUID.randomUUID().toString(),
                Instant.now().plusSeconds(900), Instant.now());
    }

    private static ErrorCode refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException refusal) {
            return refusal.errorCode();
        }
        throw new AssertionError("the request was not refused");
    }

    private static SortedMap<Integer, String> ids(String... ids) {
        return indexed(ids);
    }

    private static SortedMap<Integer, String> keys(String... keys) {
        return indexed(keys);
    }

    private static SortedMap<Integer, String> indexed(String... values) {
        var byIndex = new TreeMap<Integer, String>();
        for (int i = 0; i < values.length; i++) {
            byIndex.put(i + 1, values[i]);
        }
        return byIndex;
    }
}
