package dev.ecstags.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.Caller;
import org.junit.jupiter.api.Test;

/** The key and value rules, for a normal key and for a service key (which writes system tags). */
class TagRulesTest {

    private static final TagRules NORMAL = TagRules.forCaller(new Caller("LTAIn", "1", false));
    private static final TagRules SERVICE = TagRules.forCaller(new Caller("LTAIs", "1", true));

    @Test
    void anEmptyKeyMayBeRemovedButNotWritten() {
        assertThat(NORMAL.isKeyToRemoveValid("")).isTrue();
        assertThat(NORMAL.isKeyToWriteValid("")).isFalse();
        assertThat(SERVICE.isKeyToWriteValid("")).isFalse();
    }

    @Test
    void keysAndValuesHoldAtMost128Characters() {
        assertThat(NORMAL.isKeyToWriteValid("k".repeat(128))).isTrue();
        assertThat(NORMAL.isKeyToWriteValid("k".repeat(129))).isFalse();
        assertThat(NORMAL.isKeyToRemoveValid("k".repeat(129))).isFalse();
        assertThat(NORMAL.isValueValid("v".repeat(128))).isTrue();
        assertThat(NORMAL.isValueValid("v".repeat(129))).isFalse();
        assertThat(NORMAL.isValueValid("")).isTrue();
        assertThat(NORMAL.isKeyToWriteValid("\u4e2d".repeat(128))).isTrue();
    }

    @Test
    void lengthIsCountedInUtf16CodeUnitsSoASupplementaryCharacterCountsTwice() {
        assertThat(NORMAL.isKeyToWriteValid("\ud83d\ude00".repeat(64))).isTrue();
        assertThat(NORMAL.isKeyToWriteValid("\ud83d\ude00".repeat(65))).isFalse();
    }

    @Test
    void aNormalKeyMayNotUseTheReservedKeyPrefixesInAnyCase() {
        for (String key : new String[]{"aliyun", "Aliyun-env", "ALIYUNx", "acs:env", "ACS:env"}) {
            assertThat(NORMAL.isKeyToWriteValid(key)).as(key).isFalse();
            assertThat(NORMAL.isKeyToRemoveValid(key)).as(key).isFalse();
            assertThat(SERVICE.isKeyToWriteValid(key)).as(key).isTrue();
        }
        assertThat(NORMAL.isKeyToWriteValid("my-aliyun")).isTrue();
        assertThat(NORMAL.isKeyToWriteValid("acs-env")).isTrue();
    }

    @Test
    void aNormalValueMayNotBeginWithAcsButMayWithAliyun() {
        assertThat(NORMAL.isValueValid("acs:x")).isFalse();
        assertThat(NORMAL.isValueValid("ACS:x")).isFalse();
        assertThat(NORMAL.isValueValid("aliyun")).isTrue();
        assertThat(SERVICE.isValueValid("acs:x")).isTrue();
    }

    @Test
    void noKeyOrValueMayContainAUrlWhoeverWritesIt() {
        for (String text : new String[]{"http://x", "see https://x", "HTTPS://X"}) {
            assertThat(NORMAL.isKeyToWriteValid(text)).as(text).isFalse();
            assertThat(SERVICE.isKeyToWriteValid(text)).as(text).isFalse();
            assertThat(NORMAL.isValueValid(text)).as(text).isFalse();
            assertThat(SERVICE.isValueValid(text)).as(text).isFalse();
        }
        assertThat(NORMAL.isValueValid("http:/x")).isTrue();
        assertThat(NORMAL.isValueValid("ftp://x")).isTrue();
    }
}
