package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.support.TestSigner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The test vectors of alibaba-rpc-tag-api.md §3.3 and §3.4, through the verifier and through TestSigner. */
class SignatureTestVectorsTest {

    private static final String SECRET = "testsecret";

    /** A V1 vector: a request's method and parameters, the string to sign they give, and its signature with SECRET. */
    record V1Vector(String name, String method, Map<String, String> parameters, String stringToSign,
            String signature) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** §3.3: the example of Alibaba Cloud's signature documentation. */
    static final V1Vector V1_DOCUMENTATION = new V1Vector("the documentation's DescribeRegions", "GET",
            Map.of(
                    "AccessKeyId", "testid",
                    "Action", "DescribeRegions",
                    "Format", "XML",
                    "SignatureMethod", "HMAC-SHA1",
                    "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                    "SignatureVersion", "1.0",
                    "Timestamp", "2016-02-23T12:46:24Z",
                    "Version", "2014-05-26"),
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                    + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                    + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");

    /** §3.3: captured from legacy Java core, with a space, reserved characters, a non-ASCII key and an empty one. */
    static final V1Vector V1_LEGACY_CORE = new V1Vector("legacy Java core's UntagResources", "POST",
            Map.ofEntries(
                    Map.entry("AccessKeyId", "testid"),
                    Map.entry("Action", "UntagResources"),
                    Map.entry("All", "false"),
                    Map.entry("Format", "JSON"),
                    Map.entry("RegionId", "cn-hangzhou"),
                    Map.entry("ResourceId.1", "i-abc"),
                    Map.entry("ResourceId.2", "i-def"),
                    Map.entry("ResourceType", "instance"),
                    Map.entry("SignatureMethod", "HMAC-SHA1"),
                    Map.entry("SignatureNonce", "de627afe633c190b8d581c363cf4b275"),
                    Map.entry("SignatureVersion", "1.0"),
                    Map.entry("TagKey.1", "k 1"),
                    Map.entry("TagKey.2", "a*b~c/é"),
                    Map.entry("TagKey.3", ""),
                    Map.entry("Timestamp", "2026-11-29T07:18:17Z"),
                    Map.entry("Version", "2014-05-26")),
            "POST&%2F&AccessKeyId%3Dtestid%26Action%3DUntagResources%26All%3Dfalse"
                    + "%26Format%3DJSON%26RegionId%3Dcn-hangzhou%26ResourceId.1%3Di-abc%26ResourceId.2%3Di-def"
                    + "%26ResourceType%3Dinstance%26SignatureMethod%3DHMAC-SHA1"
                    + "%26SignatureNonce%3Dde627afe633c190b8d581c363cf4b275%26SignatureVersion%3D1.0"
                    + "%26TagKey.1%3Dk%25201%26TagKey.2%3Da%252Ab~c%252F%25C3%25A9%26TagKey.3%3D"
                    + "%26Timestamp%3D2026-11-29T07%253A18%253A17Z%26Version%3D2014-05-26",
            "qZGtyxKqRj7i83NZQrtIpOBS6VU=");

    /**
     * A V3 vector of §3.4, captured from the Tea SDK: the action, nonce and query (as the SDK sends it), the
     * canonical query they give, and the signature with SECRET. Both share the host, date and signed headers below.
     */
    record V3Vector(String action, String nonce, String query, String canonicalQuery, String signature) {

        @Override
        public String toString() {
            return action;
        }
    }

    static final V3Vector V3_LIST_TAG_RESOURCES = new V3Vector("ListTagResources", "a7feeb9f13b3b85ccf32d20e1291643d",
            "ResourceId.1=i-abc&Tag.1.Key=k1&Tag.1.Value=v1&ResourceType=instance&RegionId=cn-hangzhou",
            "RegionId=cn-hangzhou&ResourceId.1=i-abc&ResourceType=instance&Tag.1.Key=k1&Tag.1.Value=v1",
            "e2cdee3bbcba8386a363816ffc633a2758242b509b47ba37e4de15b3b66a285b");

    /** With a space, reserved characters, a non-ASCII key and an empty one. */
    static final V3Vector V3_UNTAG_RESOURCES = new V3Vector("UntagResources", "fbed25fa58bf5ee83a2b53e89173155e",
            "ResourceId.1=i-abc&ResourceId.2=i-def&TagKey.1=k+1&TagKey.2=a*b%7Ec%2F%C3%A9&TagKey.3=&All=false"
                    + "&ResourceType=instance&RegionId=cn-hangzhou",
            "All=false&RegionId=cn-hangzhou&ResourceId.1=i-abc&ResourceId.2=i-def&ResourceType=instance"
                    + "&TagKey.1=k%201&TagKey.2=a%2Ab~c%2F%C3%A9&TagKey.3=",
            "d6216fc25718a9f2b837a7c74d961201c842e53b3eeee6a9a06c30a2ba7a43a0");

    static Stream<V1Vector> v1Vectors() {
        return Stream.of(V1_DOCUMENTATION, V1_LEGACY_CORE);
    }

    static Stream<V3Vector> v3Vectors() {
        return Stream.of(V3_LIST_TAG_RESOURCES, V3_UNTAG_RESOURCES);
    }

    @Nested
    class V1Vectors {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecstags.auth.SignatureTestVectorsTest#v1Vectors")
        void serverComputesTheStringToSignAndSignature(V1Vector vector) {
            assertThat(V1Signature.stringToSign(vector.method(), vector.parameters(), true))
                    .isEqualTo(vector.stringToSign());
            assertThat(V1Signature.sign(vector.stringToSign(), SECRET)).isEqualTo(vector.signature());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecstags.auth.SignatureTestVectorsTest#v1Vectors")
        void testSignerReproducesTheVector(V1Vector vector) {
            var signer = TestSigner.v1("testid", SECRET).method(vector.method()).params(vector.parameters());
            assertThat(signer.stringToSign()).isEqualTo(vector.stringToSign());
            assertThat(signer.signature()).isEqualTo(vector.signature());
        }

        @Test
        void signatureIsExcludedFromTheStringToSign() {
            var signed = new LinkedHashMap<>(V1_DOCUMENTATION.parameters());
            signed.put("Signature", V1_DOCUMENTATION.signature());
            assertThat(V1Signature.stringToSign("GET", signed, true)).isEqualTo(V1_DOCUMENTATION.stringToSign());
        }

        @Test
        void aRequestCarryingTheDocumentedSignatureIsAccepted() {
            var signed = new LinkedHashMap<>(V1_DOCUMENTATION.parameters());
            signed.put("Signature", V1_DOCUMENTATION.signature());
            SignedRequest request = new SignedRequest("GET", signed, signed, Map.of(), null);

            assertThatNoException().isThrownBy(
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));
        }

        @Test
        void teaV2SignatureWithoutTheEmptyValuedParameterIsAcceptedOnTheSecondTry() {
            var teaV2 = TestSigner.v1("testid", SECRET).method("POST").params(V1_LEGACY_CORE.parameters())
                    .signEmptyValues(false);
            assertThat(teaV2.stringToSign()).doesNotContain("TagKey.3").contains("TagKey.2");
            assertThat(teaV2.signature()).isNotEqualTo(V1_LEGACY_CORE.signature());
            SignedRequest request = teaV2.toSignedRequest();
            assertThat(request.parameters()).containsEntry("TagKey.3", "");

            assertThatNoException().isThrownBy(
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));
        }

        @Test
        void aMismatchNamesTheStringToSignWithEmptyValuesIncluded() {
            SignedRequest request = TestSigner.v1("testid", "another secret").method("POST")
                    .params(V1_LEGACY_CORE.parameters()).toSignedRequest();

            ApiException refusal = catchThrowableOfType(ApiException.class,
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));

            assertThat(refusal.errorCode()).isEqualTo(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(refusal.getMessage()).isEqualTo(
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + V1_LEGACY_CORE.stringToSign());
        }
    }

    @Nested
    class V3Vectors {

        private static final String HOST = "127.0.0.1:18089";
        private static final String DATE = "2026-11-29T07:18:19Z";
        private static final String SIGNED_HEADERS = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecstags.auth.SignatureTestVectorsTest#v3Vectors")
        void serverComputesTheCanonicalQueryAndSignatureAndAcceptsTheRequest(V3Vector vector) {
            Map<String, String> query = formDecode(vector.query());
            Map<String, String> headers = Map.of(
                    "host", HOST,
                    "x-acs-action", vector.action(),
                    "x-acs-version", "2014-05-26",
                    "x-acs-date", DATE,
                    "x-acs-signature-nonce", vector.nonce(),
                    "x-acs-content-sha256", TestSigner.EMPTY_BODY_SHA256);

            String canonicalRequest = V3Signature.canonicalRequest("POST", query, headers::get,
                    List.of(SIGNED_HEADERS.split(";")), TestSigner.EMPTY_BODY_SHA256);

            assertThat(canonicalRequest.split("\n")[2]).isEqualTo(vector.canonicalQuery());
            assertThat(V3Signature.sign(V3Signature.stringToSign(canonicalRequest), SECRET))
                    .isEqualTo(vector.signature());
            assertAccepted(query, headers, vector.signature());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecstags.auth.SignatureTestVectorsTest#v3Vectors")
        void testSignerReproducesTheVector(V3Vector vector) {
            var signer = TestSigner.v3("testid", SECRET).action(vector.action()).header("host", HOST)
                    .date(Instant.parse(DATE)).nonce(vector.nonce()).params(formDecode(vector.query()));

            assertThat(signer.signedHeaders()).isEqualTo(SIGNED_HEADERS);
            assertThat(signer.signature()).isEqualTo(vector.signature());
        }

        @Test
        void theUntagQueryDecodesAsTheSdkMeantIt() {
            assertThat(formDecode(V3_UNTAG_RESOURCES.query())).containsEntry("TagKey.1", "k 1")
                    .containsEntry("TagKey.2", "a*b~c/é");
        }

        private static void assertAccepted(Map<String, String> query, Map<String, String> headers, String signature) {
            var withAuthorization = new LinkedHashMap<>(headers);
            withAuthorization.put("authorization", "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders="
                    + SIGNED_HEADERS + ",Signature=" + signature);
            SignedRequest request = new SignedRequest("POST", query, query, withAuthorization, new byte[0]);

            RequestCredentials credentials = RequestCredentials.read(request);

            assertThat(credentials.accessKeyId()).isEqualTo("testid");
            assertThatNoException().isThrownBy(() -> credentials.verifySignature(request, SECRET));
        }
    }

    /** As the web layer decodes a query: {@code +} is a space. */
    private static Map<String, String> formDecode(String query) {
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            decoded.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return decoded;
    }
}
