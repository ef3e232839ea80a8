package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.support.TestSigner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of both signature verifiers ({@link RequestCredentials#read} then
 * {@link RequestCredentials#verifySignature}):
 * <ul>
 * <li>a request of random parameters, headers and body is refused only with MissingParameter, IncompleteSignature
 *     or SignatureDoesNotMatch, never with an uncaught exception;</li>
 * <li>fuzzed parameters signed by the test signer (written apart from the production verifier), V1 or V3, always
 *     verify: the two percent-encodings and canonical forms agree on every input.</li>
 * </ul>
 */
class SignatureVerifierFuzzTest {

    private static final String SECRET = "fuzz-secret";
    private static final Set<ErrorCode> READ_REFUSALS = Set.of(ErrorCode.MISSING_PARAMETER,
            ErrorCode.INCOMPLETE_SIGNATURE);
    private static final Set<ErrorCode> VERIFY_REFUSALS = Set.of(ErrorCode.INCOMPLETE_SIGNATURE,
            ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    private static final List<String> PARAMETER_NAMES = List.of("Action", "Version", "AccessKeyId", "Signature",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Format", "RegionId",
            "ResourceId.1", "Tag.1.Key", "Tag.1.Value", "TagKey.1");
    private static final List<String> HEADER_NAMES = List.of("authorization", "x-acs-action", "x-acs-version",
            "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "host", "content-type");

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"ACS3-HMAC-SHA256 ", "Credential=", "SignedHeaders=", "Signature=", "HMAC-SHA1", "1.0",
            "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "2014-05-26"})
    void verifiersRefuseCleanlyAndAcceptWhatTheSdkSigns(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            signedByTheTestSignerVerifies(data);
        } else {
            randomRequestIsRefusedCleanly(data);
        }
    }

    private static void randomRequestIsRefusedCleanly(FuzzedDataProvider data) {
        Map<String, String> query = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        int count = data.consumeInt(0, 24);
        for (int i = 0; i < count; i++) {
            switch (data.consumeInt(0, 2)) {
                case 0 -> query.put(name(data, PARAMETER_NAMES), data.consumeString(64));
                case 1 -> parameters.put(name(data, PARAMETER_NAMES), data.consumeString(64));
                default -> headers.put(name(data, HEADER_NAMES), data.consumeString(160));
            }
        }
        parameters.putAll(query);
        var request = new SignedRequest(data.pickValue(List.of("GET", "POST", "PUT")), query, parameters, headers,
                data.consumeRemainingAsBytes());

        RequestCredentials credentials;
        try {
            credentials = RequestCredentials.read(request);
        } catch (ApiException refusal) {
            assertThat(refusal.errorCode()).isIn(READ_REFUSALS);
            return;
        }
        try {
            credentials.verifySignature(request, SECRET);
        } catch (ApiException refusal) {
            assertThat(refusal.errorCode()).isIn(VERIFY_REFUSALS);
        }
    }

    private static void signedByTheTestSignerVerifies(FuzzedDataProvider data) {
        boolean v3 = data.consumeBoolean();
        boolean inBody = data.consumeBoolean();
        Map<String, String> fuzzed = new HashMap<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? name(data, PARAMETER_NAMES.subList(9, 14)) : data.consumeString(24);
            // Common parameters are the signer's (a fuzzed SignatureMethod is another test's refusal); a form
            // field needs a name.
            if (!name.isEmpty() && !PARAMETER_NAMES.subList(0, 9).contains(name) && !name.equals("Format")) {
                fuzzed.put(name, data.consumeString(64));
            }
        }
        SignedRequest request;
        if (v3) {
            var signer = TestSigner.v3("LTAIfuzz", SECRET).action("ListTagResources");
            if (inBody) {
                signer.formBody(fuzzed);
            } else {
                signer.params(fuzzed);
            }
            request = signer.toSignedRequest();
        } else {
            var signer = TestSigner.v1("LTAIfuzz", SECRET).action("ListTagResources").params(fuzzed)
                    .method(data.pickValue(List.of("GET", "POST")));
            request = signer.toSignedRequest();
        }
        assertThatCode(() -> RequestCredentials.read(request).verifySignature(request, SECRET))
                .as("%s with %s", v3 ? "V3" : "V1", fuzzed.keySet())
                .doesNotThrowAnyException();
    }

    private static String name(FuzzedDataProvider data, List<String> known) {
        return data.consumeBoolean() ? data.pickValue(known) : data.consumeString(24);
    }
}
