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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The test vectors of alibaba-rpc-tag-api.md §3.3 and §3.4, through the verifier and through TestSigner. */
class SignatureTestVectorsTest {

    private static final String SECRET = "testsecret";

    @Nested
    class V1DocumentationVector {

        private final Map<String, String> parameters = Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26");
        private final String stringToSign = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";

        @Test
        void serverComputesTheDocumentedStringToSignAndSignature() {
            assertThat(V1Signature.stringToSign("GET", parameters, true)).isEqualTo(stringToSign);
            assertThat(V1Signature.sign(stringToSign, SECRET)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        }

        @Test
        void signatureIsExcludedFromTheStringToSign() {
            var signed = new LinkedHashMap<>(parameters);
            signed.put("Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
            assertThat(V1Signature.stringToSign("GET", signed, true)).isEqualTo(stringToSign);
        }

        @Test
        void aRequestCarryingTheDocumentedSignatureIsAccepted() {
            var signed = new LinkedHashMap<>(parameters);
            signed.put("Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
            SignedRequest request = new SignedRequest("GET", signed, signed, Map.of(), null);

            assertThatNoException().isThrownBy(
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));
        }

        @Test
        void testSignerReproducesTheVector() {
            var signer = TestSigner.v1("testid", SECRET).params(parameters);
            assertThat(signer.stringToSign()).isEqualTo(stringToSign);
            assertThat(signer.signature()).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        }
    }

    @Nested
    class V1EdgeCaseVectorFromLegacyJavaCore {

        private final Map<String, String> parameters = Map.ofEntries(
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
                Map.entry("Version", "2014-05-26"));
        private final String stringToSign = "POST&%2F&AccessKeyId%3Dtestid%26Action%3DUntagResources%26All%3Dfalse"
                + "%26Format%3DJSON%26RegionId%3Dcn-hangzhou%26ResourceId.1%3Di-abc%26ResourceId.2%3Di-def"
                + "%26ResourceType%3Dinstance%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3Dde627afe633c190b8d581c363cf4b275%26SignatureVersion%3D1.0"
                + "%26TagKey.1%3Dk%25201%26TagKey.2%3Da%252Ab~c%252F%25C3%25A9%26TagKey.3%3D"
                + "%26Timestamp%3D2026-11-29T07%253A18%253A17Z%26Version%3D2014-05-26";

        @Test
        void serverComputesTheCapturedStringToSignAndSignature() {
            assertThat(V1Signature.stringToSign("POST", parameters, true)).isEqualTo(stringToSign);
            assertThat(V1Signature.sign(stringToSign, SECRET)).isEqualTo("qZGtyxKqRj7i83NZQrtIpOBS6VU=");
        }

        @Test
        void testSignerReproducesTheVector() {
            var signer = TestSigner.v1("testid", SECRET).method("POST").params(parameters);
            assertThat(signer.stringToSign()).isEqualTo(stringToSign);
            assertThat(signer.signature()).isEqualTo("qZGtyxKqRj7i83NZQrtIpOBS6VU=");
        }

        @Test
        void teaV2SignatureWithoutTheEmptyValuedParameterIsAcceptedOnTheSecondTry() {
            var teaV2 = TestSigner.v1("testid", SECRET).method("POST").params(parameters).signEmptyValues(false);
            assertThat(teaV2.stringToSign()).doesNotContain("TagKey.3").contains("TagKey.2");
            assertThat(teaV2.signature()).isNotEqualTo("qZGtyxKqRj7i83NZQrtIpOBS6VU=");
            SignedRequest request = teaV2.toSignedRequest();
            assertThat(request.parameters()).containsEntry("TagKey.3", "");

            assertThatNoException().isThrownBy(
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));
        }

        @Test
        void aMismatchNamesTheStringToSignWithEmptyValuesIncluded() {
            SignedRequest request = TestSigner.v1("testid", "another secret").method("POST").params(parameters)
                    .toSignedRequest();

            ApiException refusal = catchThrowableOfType(ApiException.class,
                    () -> RequestCredentials.read(request).verifySignature(request, SECRET));

            assertThat(refusal.errorCode()).isEqualTo(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(refusal.getMessage()).isEqualTo(
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + stringToSign);
        }
    }

    @Nested
    class V3VectorsFromTheTeaSdk {

        private static final String SIGNED_HEADERS = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

        @Test
        void listTagResourcesVector() {
            Map<String, String> query = formDecode(
                    "ResourceId.1=i-abc&Tag.1.Key=k1&Tag.1.Value=v1&ResourceType=instance&RegionId=cn-hangzhou");
            Map<String, String> headers = headers("ListTagResources", "a7feeb9f13b3b85ccf32d20e1291643d");

            String canonicalRequest = V3Signature.canonicalRequest("POST", query, headers::get,
                    List.of(SIGNED_HEADERS.split(";")), TestSigner.EMPTY_BODY_SHA256);

            assertThat(canonicalRequest.split("\n")[2])
                    .isEqualTo(
                            "RegionId=cn-hangzhou&ResourceId.1=i-abc&ResourceType=instance&Tag.1.Key=k1&Tag.1.Value=v1");
            assertThat(V3Signature.sign(V3Signature.stringToSign(canonicalRequest), SECRET))
                    .isEqualTo("e2cdee3bbcba8386a363816ffc633a2758242b509b47ba37e4de15b3b66a285b");
            assertAccepted(query, headers, "e2cdee3bbcba8386a363816ffc633a2758242b509b47ba37e4de15b3b66a285b");
        }

        @Test
        void untagResourcesVectorWithSpacesReservedCharactersAndAnEmptyKey() {
            Map<String, String> query = formDecode("ResourceId.1=i-abc&ResourceId.2=i-def&TagKey.1=k+1"
                    + "&TagKey.2=a*b%7Ec%2F%C3%A9&TagKey.3=&All=false&ResourceType=instance&RegionId=cn-hangzhou");
            assertThat(query).containsEntry("TagKey.1", "k 1").containsEntry("TagKey.2", "a*b~c/é");
            Map<String, String> headers = headers("UntagResources", "fbed25fa58bf5ee83a2b53e89173155e");

            String canonicalRequest = V3Signature.canonicalRequest("POST", query, headers::get,
                    List.of(SIGNED_HEADERS.split(";")), TestSigner.EMPTY_BODY_SHA256);

            assertThat(canonicalRequest.split("\n")[2]).isEqualTo("All=false&RegionId=cn-hangzhou&ResourceId.1=i-abc"
                    + "&ResourceId.2=i-def&ResourceType=instance&TagKey.1=k%201&TagKey.2=a%2Ab~c%2F%C3%A9&TagKey.3=");
            assertThat(V3Signature.sign(V3Signature.stringToSign(canonicalRequest), SECRET))
                    .isEqualTo("d6216fc25718a9f2b837a7c74d961201c842e53b3eeee6a9a06c30a2ba7a43a0");
            assertAccepted(query, headers, "d6216fc25718a9f2b837a7c74d961201c842e53b3eeee6a9a06c30a2ba7a43a0");
        }

        @Test
        void testSignerReproducesBothVectors() {
            var listTagResources = TestSigner.v3("testid", SECRET).action("ListTagResources")
                    .header("host", "127.0.0.1:18089").date(Instant.parse("2026-11-29T07:18:19Z"))
                    .nonce("a7feeb9f13b3b85ccf32d20e1291643d")
                    .params(formDecode("ResourceId.1=i-abc&Tag.1.Key=k1&Tag.1.Value=v1&ResourceType=instance"
                            + "&RegionId=cn-hangzhou"));
            var untagResources = TestSigner.v3("testid", SECRET).action("UntagResources")
                    .header("host", "127.0.0.1:18089").date(Instant.parse("2026-11-29T07:18:19Z"))
                    .nonce("fbed25fa58bf5ee83a2b53e89173155e")
                    .params(formDecode("ResourceId.1=i-abc&ResourceId.2=i-def&TagKey.1=k+1"
                            + "&TagKey.2=a*b%7Ec%2F%C3%A9&TagKey.3=&All=false&ResourceType=instance"
                            + "&RegionId=cn-hangzhou"));

            assertThat(listTagResources.signedHeaders()).isEqualTo(SIGNED_HEADERS);
            assertThat(listTagResources.signature())
                    .isEqualTo("e2cdee3bbcba8386a363816ffc633a2758242b509b47ba37e4de15b3b66a285b");
            assertThat(untagResources.signature())
                    .isEqualTo("d6216fc25718a9f2b837a7c74d961201c842e53b3eeee6a9a06c30a2ba7a43a0");
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

        private static Map<String, String> headers(String action, String nonce) {
            return Map.of(
                    "host", "127.0.0.1:18089",
                    "x-acs-action", action,
                    "x-acs-version", "2014-05-26",
                    "x-acs-date", "2026-11-29T07:18:19Z",
                    "x-acs-signature-nonce", nonce,
                    "x-acs-content-sha256", TestSigner.EMPTY_BODY_SHA256);
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
