package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.AccessKeyStatus;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACT.md §2–§3 and the transport and authentication rows of §5: every refusal before the action's own checks,
 * provoked with both signature versions where the rule exists in both. Each request is otherwise a valid
 * UntagResources call of the caller's own instance, so the one broken rule is the only possible answer.
 */
class TransportAndAuthErrorsTest extends ContractTestSupport {

    /** A V1 UntagResources call that succeeds as it is: the account's own instance, a key it does not carry. */
    TestSigner.V1 validV1(IssuedAccessKey key) {
        return untag(key).param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env");
    }

    TestSigner.V3 validV3(IssuedAccessKey key) {
        return rpc.v3(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", TYPE)
                .param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env");
    }

    /** The valid call of {@link #validV1} or {@link #validV3}, by signature version ({@code V1} or {@code V3}). */
    TestSigner.Request<?> valid(String signatureVersion, IssuedAccessKey key) {
        return signatureVersion.equals("V1") ? validV1(key) : validV3(key);
    }

    /** The message names the parameter as a whole word (so "Signature" is not found inside "SignatureMethod"). */
    static void assertMessageNames(RpcResponse response, String name) {
        assertThat(response.message()).as("Message of %s", response)
                .containsPattern("(?<![A-Za-z0-9-])" + Pattern.quote(name) + "(?![A-Za-z0-9-])");
    }

    @Nested
    class TheClientItself {

        /** Guards every test below: what the client sends unbroken is accepted, in each of its transports. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"V1 GET query", "V1 POST query", "V1 POST form body", "V1 POST split",
                "V1 unsigned empty values", "V1 Action and Version in headers", "V3", "V3 form body",
                "V3 Action in query"})
        void anUnbrokenCallIsAccepted(String transport) {
            var key = newNormalKey();
            RpcResponse response = switch (transport) {
                case "V1 GET query" -> validV1(key).send();
                case "V1 POST query" -> validV1(key).method("POST").send();
                case "V1 POST form body" -> validV1(key).inFormBody().send();
                case "V1 POST split" -> validV1(key).inFormBody("ResourceId.1", "Signature", "Timestamp").send();
                case "V1 unsigned empty values" -> validV1(key).param("TagKey.2", "").signEmptyValues(false).send();
                case "V1 Action and Version in headers" -> validV1(key).drop("Action").drop("Version")
                        .header("x-acs-action", "UntagResources").header("x-acs-version", TestSigner.API_VERSION)
                        .send();
                case "V3" -> validV3(key).send();
                case "V3 form body" -> rpc.v3(key).action("UntagResources").formBody(Map.of("RegionId", REGION,
                        "ResourceType", TYPE, "ResourceId.1", newInstance(key.accountId()), "TagKey.1", "env"))
                        .send();
                case "V3 Action in query" -> validV3(key).action(null).param("Action", "UntagResources").send();
                default -> throw new IllegalArgumentException(transport);
            };
            assertSucceeded(response);
        }
    }

    @Nested
    class UnsupportedHttpMethod {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"V1, PUT", "V1, DELETE", "V1, PATCH", "V1, OPTIONS", "V3, PUT", "V3, DELETE"})
        void aSignedCallWithAnotherMethodIsRefused(String signatureVersion, String method) {
            assertError(valid(signatureVersion, newNormalKey()).method(method).send(), 403, "UnsupportedHTTPMethod");
        }

        @Test
        void headHasNoBodyButTheStatusAndRequestId() {
            var response = validV1(newNormalKey()).method("HEAD").send();

            assertThat(response.status()).as("status of %s", response).isEqualTo(403);
            assertThat(response.requestIdHeader())
                    .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        }

        @Test
        void aPutWithAFormBodyChangesNothing() {
            var key = newNormalKey();
            String id = newTaggedInstance(key, Map.of("env", "prod"));
            var before = tagRows(key.accountId());

            var response = untag(key).param("ResourceId.1", id).param("TagKey.1", "env").inFormBody()
                    .method("PUT").send();

            assertError(response, 403, "UnsupportedHTTPMethod");
            assertThat(tagRows(key.accountId())).isEqualTo(before).isNotEmpty();
        }
    }

    @Nested
    class MissingCommonParameter {

        @ParameterizedTest
        @ValueSource(strings = {"Action", "Version", "AccessKeyId", "Signature", "SignatureMethod",
                "SignatureVersion", "SignatureNonce", "Timestamp"})
        void v1WithoutIt(String name) {
            var call = validV1(newNormalKey());
            if (name.equals("Signature")) {
                call.signature(null);
            } else {
                call.drop(name);
            }

            var response = call.send();

            assertError(response, 400, "MissingParameter");
            assertMessageNames(response, name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                "x-acs-content-sha256"})
        void v3WithoutIt(String header) {
            var call = validV3(newNormalKey());
            if (header.equals("x-acs-content-sha256")) {
                call.contentSha256(null);
            } else {
                call.header(header, null);
            }

            var response = call.send();

            assertError(response, 400, "MissingParameter");
            if (header.equals("x-acs-action") || header.equals("x-acs-version")) {
                // The contract lets the parameter stand in for the header: either name tells the caller.
                String parameter = header.equals("x-acs-action") ? "Action" : "Version";
                assertThat(response.message()).as("Message of %s", response)
                        .containsAnyOf(header, "\"" + parameter + "\"", " " + parameter + " ");
            } else {
                assertMessageNames(response, header);
            }
        }
    }

    @Nested
    class InvalidVersion {

        @ParameterizedTest
        @ValueSource(strings = {"2016-11-11", "2014-05-27", "latest"})
        void v1(String version) {
            assertError(validV1(newNormalKey()).param("Version", version).send(), 400, "InvalidVersion");
        }

        @Test
        void v3() {
            assertError(validV3(newNormalKey()).version("2016-11-11").send(), 400, "InvalidVersion");
        }
    }

    @Nested
    class InvalidActionNotFound {

        @ParameterizedTest
        @ValueSource(strings = {"DescribeRegions", "AddTags", "Untag"})
        void v1(String action) {
            assertError(validV1(newNormalKey()).action(action).send(), 404, "InvalidAction.NotFound");
        }

        @Test
        void v3() {
            assertError(validV3(newNormalKey()).action("DescribeInstances").send(), 404, "InvalidAction.NotFound");
        }
    }

    @Nested
    class InvalidTimeStamp {

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-11-29 07:18:17", "2026-11-29T07:18:17", "1795849097",
                "2026-11-29T07:18:17+08:00", "29/11/2026 07:18:17"})
        void v1MalformedTimestamp(String timestamp) {
            assertError(validV1(newNormalKey()).timestamp(timestamp).send(), 400, "InvalidTimeStamp.Format");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-11-29 07:18:17"})
        void v3MalformedDate(String date) {
            assertError(validV3(newNormalKey()).date(date).send(), 400, "InvalidTimeStamp.Format");
        }

        @ParameterizedTest
        @ValueSource(longs = {-20, 20, -24 * 60, 24 * 60})
        void v1TimestampOutsideTheWindow(long minutesFromNow) {
            var response = validV1(newNormalKey()).timestamp(Instant.now().plus(Duration.ofMinutes(minutesFromNow)))
                    .send();

            assertError(response, 400, "InvalidTimeStamp.Expired");
        }

        @ParameterizedTest
        @ValueSource(longs = {-20, 20})
        void v3DateOutsideTheWindow(long minutesFromNow) {
            var response = validV3(newNormalKey()).date(Instant.now().plus(Duration.ofMinutes(minutesFromNow)))
                    .send();

            assertError(response, 400, "InvalidTimeStamp.Expired");
        }
    }

    @Nested
    class InvalidAccessKeyId {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"V1", "V3"})
        void unknownKey(String signatureVersion) {
            String unknown = "LTAI" + TestIds.account() + "unknown";
            TestSigner.Request<?> call = signatureVersion.equals("V1")
                    ? rpc.v1(unknown, "secret")
                    : rpc.v3(unknown, "secret");

            var response = call.action("UntagResources").param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", "i-1").param("TagKey.1", "env").send();

            assertError(response, 404, "InvalidAccessKeyId.NotFound");
        }

        @Test
        void deletedKey() {
            var key = newNormalKey();
            var call = validV1(key);
            assertThat(accessKeys.delete(key.accessKeyId())).isTrue();

            assertError(call.send(), 404, "InvalidAccessKeyId.NotFound");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"V1", "V3"})
        void inactiveKey(String signatureVersion) {
            var key = newNormalKey();
            var call = valid(signatureVersion, key);
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Inactive);

            assertError(call.send(), 400, "InvalidAccessKeyId.Inactive");
        }

        @Test
        void aKeyActiveAgainIsAccepted() {
            var key = newNormalKey();
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Inactive);
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Active);

            assertSucceeded(validV1(key).send());
        }
    }

    @Nested
    class IncompleteSignature {

        @ParameterizedTest
        @ValueSource(strings = {"HMAC-SHA256", "RSA"})
        void v1UnsupportedSignatureMethod(String method) {
            assertError(validV1(newNormalKey()).param("SignatureMethod", method).send(), 400, "IncompleteSignature");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2.0", "3.0"})
        void v1UnsupportedSignatureVersion(String version) {
            assertError(validV1(newNormalKey()).param("SignatureVersion", version).send(), 400,
                    "IncompleteSignature");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "ACS3-HMAC-SHA256 Credential=%s",
                "ACS3-HMAC-SHA256 Credential=%s,SignedHeaders=host;x-acs-date",
                "ACS3-HMAC-SHA256 Credential=%s,Signature=0123abcd",
                "ACS3-HMAC-SHA256 garbage",
                "ACS3-HMAC-SHA256",
                "ACS3-HMAC-SM3 Credential=%s,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                        + "x-acs-signature-nonce;x-acs-version,Signature=0123abcd"})
        void v3MalformedAuthorization(String authorization) {
            var key = newNormalKey();

            var response = validV3(key).authorization(authorization.formatted(key.accessKeyId())).send();

            assertError(response, 400, "IncompleteSignature");
        }
    }

    @Nested
    class SignatureDoesNotMatch {

        @Test
        void v1WrongSecretTellsTheServersStringToSign() {
            var key = newNormalKey();
            var call = rpc.v1(key.accessKeyId(), key.accessKeySecret() + "x").action("UntagResources")
                    .param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "k 1")
                    .param("TagKey.2", "a*b~c/é").param("TagKey.3", "");

            var response = call.send();

            assertError(response, 400, "SignatureDoesNotMatch");
            assertThat(response.message()).endsWith("server string to sign is:" + call.stringToSign());
        }

        @Test
        void v1WrongSecretInAFormBody() {
            var key = newNormalKey();
            var call = rpc.v1(key.accessKeyId(), "not-the-secret").action("UntagResources")
                    .param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env").inFormBody();

            var response = call.send();

            assertError(response, 400, "SignatureDoesNotMatch");
            assertThat(call.stringToSign()).startsWith("POST&%2F&");
            assertThat(response.message()).endsWith("server string to sign is:" + call.stringToSign());
        }

        @Test
        void v1ParameterChangedAfterSigning() {
            var key = newNormalKey();
            String id = newTaggedInstance(key, Map.of("env", "prod", "team", "a"));
            var call = untag(key).param("ResourceId.1", id).param("TagKey.1", "env");
            String signatureOfEnv = call.signedParameters().get("Signature");

            var response = call.param("TagKey.1", "team").signature(signatureOfEnv).send();

            assertError(response, 400, "SignatureDoesNotMatch");
            assertThat(response.message()).endsWith("server string to sign is:" + call.stringToSign());
            assertThat(tagRows(key.accountId())).hasSize(2);
        }

        @Test
        void v1GarbageSignature() {
            assertError(validV1(newNormalKey()).signature("bm90IGEgc2lnbmF0dXJl").send(), 400,
                    "SignatureDoesNotMatch");
        }

        @Test
        void v3WrongSecret() {
            var key = newNormalKey();
            var response = rpc.v3(key.accessKeyId(), key.accessKeySecret() + "x").action("UntagResources")
                    .param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env").send();

            assertError(response, 400, "SignatureDoesNotMatch");
        }

        @Test
        void v3PayloadHashOfAnotherBody() {
            var key = newNormalKey();
            String id = newTaggedInstance(key, Map.of("env", "prod"));

            // Correctly signed, but the signed hash is the empty body's while the body carries the parameters.
            var response = rpc.v3(key).action("UntagResources")
                    .formBody(Map.of("RegionId", REGION, "ResourceType", TYPE, "ResourceId.1", id, "TagKey.1", "env"))
                    .contentSha256(TestSigner.EMPTY_BODY_SHA256).send();

            assertError(response, 400, "SignatureDoesNotMatch");
            assertThat(tagRows(key.accountId())).hasSize(1);
        }

        @Test
        void v3MalformedPayloadHash() {
            assertError(validV3(newNormalKey()).contentSha256("not-a-hash").send(), 400, "SignatureDoesNotMatch");
        }
    }

    @Nested
    class SignatureNonceUsed {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"V1", "V3"})
        void nonceUsedTwice(String signatureVersion) {
            var key = newNormalKey();
            String nonce = TestIds.nonce();
            assertSucceeded(valid(signatureVersion, key).nonce(nonce).send());

            assertError(valid(signatureVersion, key).nonce(nonce).send(), 400, "SignatureNonceUsed");
        }

        @Test
        void v1ReplayOfTheSameRequest() {
            var key = newNormalKey();
            var call = validV1(key);
            assertSucceeded(call.send());

            assertError(call.send(), 400, "SignatureNonceUsed");
        }

        @Test
        void aNonceOfV1IsUsedForV3Too() {
            var key = newNormalKey();
            String nonce = TestIds.nonce();
            assertSucceeded(validV1(key).nonce(nonce).send());

            assertError(validV3(key).nonce(nonce).send(), 400, "SignatureNonceUsed");
        }

        @Test
        void anotherKeyMayUseTheSameNonce() {
            String nonce = TestIds.nonce();
            assertSucceeded(validV1(newNormalKey()).nonce(nonce).send());

            assertSucceeded(validV1(newNormalKey()).nonce(nonce).send());
        }
    }

    @Nested
    class InvalidFormat {

        @ParameterizedTest
        @ValueSource(strings = {"yaml", "TEXT", "json5"})
        void anUnknownFormatIsAMalformedValue(String format) {
            var response = validV1(newNormalKey()).format(format).send();

            assertError(response, 400, "InvalidParameter");
        }

        /** Found by RequestPathFuzzTest: the message echoes the name, and XML 1.0 cannot carry U+0001. */
        @Test
        void aMalformedNameWithAControlCharacterIsAnsweredInXml() {
            var response = validV1(newNormalKey()).format("XML").param("Odd\u0001Name\u0000", "v").send();

            assertError(response, 400, "InvalidParameter");
            assertThat(response.isXml()).isTrue();
            assertThat(response.message()).contains("Odd\uFFFDName");
        }

        @ParameterizedTest
        @ValueSource(strings = {"json", "Json", "xml", "XML"})
        void formatIsCaseInsensitive(String format) {
            var response = validV1(newNormalKey()).format(format).send();

            assertSucceeded(response);
            assertThat(response.contentType()).isEqualTo(format.equalsIgnoreCase("json")
                    ? "application/json;charset=utf-8"
                    : "text/xml;charset=utf-8");
        }
    }
}
