package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;

/**
 * Coverage-guided fuzzing of the V3 {@code Authorization} parser: any header either parses into three non-empty
 * fields with lower-case, non-empty signed header names, or is refused (empty); it never throws.
 */
class AuthorizationHeaderFuzzTest {

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"ACS3-HMAC-SHA256 ", "ACS3-HMAC-SM3 ", "Credential=", "SignedHeaders=", "Signature=", ",",
            ";", "=", " ", "host;x-acs-date"})
    void anyHeaderParsesOrIsRefused(FuzzedDataProvider data) {
        String header = data.consumeBoolean()
                ? V3Signature.ALGORITHM + " " + data.consumeRemainingAsString()
                : data.consumeRemainingAsString();

        V3Signature.parseAuthorization(header).ifPresent(authorization -> {
            assertThat(authorization.accessKeyId()).isNotEmpty();
            assertThat(authorization.signature()).isNotEmpty();
            assertThat(authorization.signedHeaders()).isNotEmpty().allSatisfy(name -> {
                assertThat(name).isNotEmpty();
                assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT));
            });
        });
    }
}
