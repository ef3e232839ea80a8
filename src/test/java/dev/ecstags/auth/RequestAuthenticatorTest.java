package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class RequestAuthenticatorTest extends ServiceTest {

    private static final List<String> V1_COMMON_PARAMETERS = List.of("Action", "Version", "AccessKeyId", "Signature",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp");
    private static final List<String> V3_COMMON_HEADERS = List.of("x-acs-action", "x-acs-version", "x-acs-date",
            "x-acs-signature-nonce", "x-acs-content-sha256");
    private static final Map<String, String> UNTAG = Map.of("RegionId", "cn-hangzhou", "ResourceType", "instance",
            "ResourceId.1", "i-abc", "TagKey.1", "k 1", "TagKey.2", "");

    @Autowired
    RequestAuthenticator authenticator;
    @Autowired
    Clock clock;

    /** Every check of a request with no action to record its nonce: as the RPC path makes them, nonce spent alone. */
    Caller authenticate(SignedRequest request) {
        Authenticated authenticated = authenticator.verify(request, RequestCredentials.read(request));
        authenticator.spendNonce(authenticated.nonce());
        return authenticated.caller();
    }

    IssuedAccessKey key;

    @BeforeEach
    void issueKey() {
        key = newNormalKey();
    }

    TestSigner.V1 v1() {
        return TestSigner.v1(key.accessKeyId(), key.accessKeySecret()).action("UntagResources").params(UNTAG);
    }

    TestSigner.V3 v3() {
        return TestSigner.v3(key.accessKeyId(), key.accessKeySecret()).action("UntagResources").params(UNTAG);
    }

    @Nested
    class Success {

        /** The request passes every check, as the caller of {@code key}: its AccessKeyId, its account, a normal key. */
        void assertAuthenticatedAsTheKey(SignedRequest request) {
            assertThat(authenticate(request)).isEqualTo(new Caller(key.accessKeyId(), key.accountId(), false));
        }

        @Test
        void v1GetLikeLegacyJavaCore() {
            assertAuthenticatedAsTheKey(v1().toSignedRequest());
        }

        @Test
        void v1PostWithEveryParameterInTheFormBodyLikePopCore() {
            assertAuthenticatedAsTheKey(v1().inFormBody().toSignedRequest());
        }

        @Test
        void v1WithEmptyValuesLeftUnsignedLikeTeaV2() {
            assertAuthenticatedAsTheKey(v1().param("Format", "json").signEmptyValues(false).toSignedRequest());
        }

        @Test
        void v1WithActionAndVersionOnlyInHeaders() {
            assertAuthenticatedAsTheKey(v1().param("Action", null).param("Version", null)
                    .header("x-acs-action", "UntagResources").header("x-acs-version", TestSigner.API_VERSION)
                    .toSignedRequest());
        }

        @Test
        void v3LikeTheTeaSdk() {
            assertAuthenticatedAsTheKey(v3().toSignedRequest());
        }

        @Test
        void v3WithAuthorizationFieldsInLegacyJavaCoreOrder() {
            assertAuthenticatedAsTheKey(v3().legacyCoreFieldOrder().header("content-type", "application/json")
                    .toSignedRequest());
        }

        @Test
        void v3WithActionInTheQueryLikeLegacyJavaCoreInV3Mode() {
            assertAuthenticatedAsTheKey(v3().header("x-acs-action", null).header("x-acs-version", null)
                    .param("Action", "UntagResources").param("Version", TestSigner.API_VERSION).param("Format", "JSON")
                    .toSignedRequest());
        }

        @Test
        void v3BodyParametersAreCoveredByThePayloadHashNotTheCanonicalQuery() {
            SignedRequest request = v3().formBody(Map.of("TagKey.3", "from the body")).toSignedRequest();
            assertThat(request.parameters()).containsEntry("TagKey.3", "from the body");
            assertThat(request.queryParameters()).doesNotContainKey("TagKey.3");

            assertAuthenticatedAsTheKey(request);
        }

        @Test
        void serviceKeysAreReportedAsSuch() {
            IssuedAccessKey serviceKey = accessKeys.create(key.accountId(), true);

            Caller caller = authenticate(
                    TestSigner.v1(serviceKey.accessKeyId(), serviceKey.accessKeySecret()).action("UntagResources")
                            .toSignedRequest());

            assertThat(caller).isEqualTo(new Caller(serviceKey.accessKeyId(), key.accountId(), true));
        }

        @Test
        void timestampsJustInsideTheWindowEitherWay() {
            Instant now = clock.instant();
            authenticate(v1().timestamp(now.minus(Duration.ofMinutes(14))).toSignedRequest());
            authenticate(v3().date(now.plus(Duration.ofMinutes(14))).toSignedRequest());
        }
    }

    @Nested
    class MissingCommonParameters {

        @ParameterizedTest
        @ValueSource(strings = {"Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
                "SignatureNonce", "Timestamp"})
        void v1NamesTheFirstMissingParameterInTheContractsOrder(String firstMissing) {
            var signer = v1().signature(null);
            for (String name : V1_COMMON_PARAMETERS.subList(V1_COMMON_PARAMETERS.indexOf(firstMissing),
                    V1_COMMON_PARAMETERS.size())) {
                signer.param(name, null);
            }
            if (!firstMissing.equals("Signature") && V1_COMMON_PARAMETERS.indexOf(firstMissing) > 3) {
                signer.signature("c2lnbmVk");
            }
            SignedRequest request = signer.toSignedRequest();

            assertMissing(() -> RequestCredentials.read(request), firstMissing);
            assertMissing(() -> authenticate(request), firstMissing);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                "SignatureNonce", "Timestamp"})
        void v1EmptyCountsAsMissing(String name) {
            SignedRequest request = v1().param(name, "").toSignedRequest();

            assertMissing(() -> RequestCredentials.read(request), name);
        }

        @Test
        void v1EmptySignatureCountsAsMissing() {
            assertMissing(() -> RequestCredentials.read(v1().signature("").toSignedRequest()),
                    "Signature");
        }

        @ParameterizedTest
        @ValueSource(strings = {"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                "x-acs-content-sha256"})
        void v3NamesTheFirstMissingHeaderInTheContractsOrder(String firstMissing) {
            var signer = v3();
            for (String name : V3_COMMON_HEADERS.subList(V3_COMMON_HEADERS.indexOf(firstMissing),
                    V3_COMMON_HEADERS.size())) {
                if (name.equals("x-acs-content-sha256")) {
                    signer.contentSha256(null);
                } else {
                    signer.header(name, null);
                }
            }
            SignedRequest request = signer.toSignedRequest();

            assertMissing(() -> RequestCredentials.read(request), firstMissing);
        }

        @Test
        void v3ActionAndVersionMayComeFromTheParameters() {
            SignedRequest request = v3().header("x-acs-action", null).param("Action", "UntagResources")
                    .toSignedRequest();

            RequestCredentials.read(request);
        }

        @Test
        void missingParametersComeBeforeAMalformedAuthorization() {
            SignedRequest request = v3().header("x-acs-date", null)
                    .authorization("ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=y").toSignedRequest();

            assertMissing(() -> RequestCredentials.read(request), "x-acs-date");
        }

        private void assertMissing(ThrowingCallable call, String name) {
            ApiException refusal = refused(call, ErrorCode.MISSING_PARAMETER);
            assertThat(refusal.getMessage()).isEqualTo("The input parameter \"" + name
                    + "\" that is mandatory for processing this request is not supplied.");
        }
    }

    @Nested
    class IncompleteSignature {

        @ParameterizedTest
        @ValueSource(strings = {
                "ACS3-HMAC-SM3 Credential=%s,SignedHeaders=host,Signature=abc",
                "ACS3-HMAC-SHA256 Credential=%s,Signature=abc",
                "ACS3-HMAC-SHA256 Credential=%s;SignedHeaders=host;Signature=abc",
        })
        void malformedV3AuthorizationOrAnotherAlgorithm(String authorization) {
            SignedRequest request = v3().authorization(authorization.formatted(key.accessKeyId())).toSignedRequest();

            refused(() -> RequestCredentials.read(request), ErrorCode.INCOMPLETE_SIGNATURE);
            refused(() -> authenticate(request), ErrorCode.INCOMPLETE_SIGNATURE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"x-acs-date", "x-acs-signature-nonce", "x-acs-action", "x-acs-version"})
        void v3WhoseSignatureLeavesOutAHeaderTheServiceActsOn(String header) {
            var signer = v3();
            SignedRequest request = signer.unsignedHeader(header, signer.headers().get(header)).toSignedRequest();

            refused(() -> RequestCredentials.read(request), ErrorCode.INCOMPLETE_SIGNATURE);
        }

        @Test
        void v1WithAnotherSignatureMethodIsRefusedAtTheSignatureStep() {
            refused(() -> authenticate(v1().param("SignatureMethod", "HMAC-SHA256").toSignedRequest()),
                    ErrorCode.INCOMPLETE_SIGNATURE);
            refused(() -> authenticate(v1().param("SignatureMethod", "HMAC-SHA256")
                    .param("AccessKeyId", "LTAIunknown").toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
        }

        @Test
        void v1WithAnotherSignatureVersion() {
            refused(() -> authenticate(v1().param("SignatureVersion", "2.0").toSignedRequest()),
                    ErrorCode.INCOMPLETE_SIGNATURE);
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest
        @ValueSource(strings = {"2026-11-29 07:18:17", "2026-11-29T07:18:17", "2026-11-29T07:18:17.000Z",
                "2026-11-29T07:18:17+08:00", "2026-11-29t07:18:17z", "2026-02-30T07:18:17Z", "2026-11-29T24:00:00Z",
                "1764400697", "yesterday"})
        void malformedTimestampIsRefusedBeforeTheKeyIsLookedUp(String timestamp) {
            refused(() -> authenticate(v1().param("Timestamp", timestamp)
                    .param("AccessKeyId", "LTAIunknown").toSignedRequest()), ErrorCode.INVALID_TIMESTAMP_FORMAT);
            refused(() -> authenticate(v3().header("x-acs-date", timestamp).toSignedRequest()),
                    ErrorCode.INVALID_TIMESTAMP_FORMAT);
        }

        @Test
        void moreThanFifteenMinutesInThePastIsExpired() {
            Instant signedAt = clock.instant().minus(Duration.ofMinutes(16));

            refused(() -> authenticate(v1().timestamp(signedAt).param("AccessKeyId", "LTAIunknown")
                    .toSignedRequest()), ErrorCode.INVALID_TIMESTAMP_EXPIRED);
            refused(() -> authenticate(v3().date(signedAt).toSignedRequest()),
                    ErrorCode.INVALID_TIMESTAMP_EXPIRED);
        }

        @Test
        void moreThanFifteenMinutesInTheFutureIsExpired() {
            Instant signedAt = clock.instant().plus(Duration.ofMinutes(16));

            refused(() -> authenticate(v1().timestamp(signedAt).toSignedRequest()),
                    ErrorCode.INVALID_TIMESTAMP_EXPIRED);
            refused(() -> authenticate(v3().date(signedAt).toSignedRequest()),
                    ErrorCode.INVALID_TIMESTAMP_EXPIRED);
        }
    }

    @Nested
    class AccessKeyChecks {

        @Test
        void unknownKeyIsNotFoundEvenWithAWrongSignature() {
            refused(() -> authenticate(TestSigner.v1("LTAIdoesnotexist0000000", "x")
                    .action("UntagResources").toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
            refused(() -> authenticate(TestSigner.v3("LTAIdoesnotexist0000000", "x")
                    .action("UntagResources").toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
        }

        @ParameterizedTest
        @ValueSource(strings = {"LTAI\u0000nul", "LTAI with spaces", "LTAIéèê",
                "LTAI123456789012345678901234567890123456789012345678901234567890123456789"})
        void idsThatCannotExistAreNotFound(String accessKeyId) {
            refused(() -> authenticate(TestSigner.v1(accessKeyId, "x").action("UntagResources")
                    .toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
        }

        @Test
        void deletedKeyIsNotFound() {
            assertThat(accessKeys.delete(key.accessKeyId())).isTrue();

            refused(() -> authenticate(v1().toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
            refused(() -> authenticate(v3().toSignedRequest()), ErrorCode.ACCESS_KEY_NOT_FOUND);
        }

        @Test
        void inactiveKeyIsRefusedEvenWithAWrongSignatureAndWorksAgainOnceReactivated() {
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Inactive);

            refused(() -> authenticate(v1().toSignedRequest()), ErrorCode.ACCESS_KEY_INACTIVE);
            refused(() -> authenticate(TestSigner.v3(key.accessKeyId(), "wrong secret")
                    .action("UntagResources").toSignedRequest()), ErrorCode.ACCESS_KEY_INACTIVE);

            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Active);

            assertThat(authenticate(v1().toSignedRequest()).accountId()).isEqualTo(key.accountId());
        }
    }

    @Nested
    class Signatures {

        @Test
        void v1WrongSecretNamesTheServersStringToSign() {
            var signer = TestSigner.v1(key.accessKeyId(), "not the secret").action("UntagResources").params(UNTAG);

            ApiException refusal = refused(() -> authenticate(signer.toSignedRequest()),
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH);

            assertThat(refusal.getMessage()).isEqualTo(
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + signer.stringToSign());
            assertThat(refusal.getMessage()).contains("is:GET&%2F&AccessKeyId%3D" + key.accessKeyId())
                    .contains("TagKey.2%3D%26");
        }

        @Test
        void v1ParameterChangedAfterSigning() {
            var signer = v1();
            Map<String, String> tampered = new LinkedHashMap<>(signer.signedParameters());
            tampered.put("ResourceId.1", "i-other");

            refused(() -> authenticate(new SignedRequest("GET", tampered, tampered, Map.of(), null)),
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }

        @Test
        void v3WrongSecret() {
            ApiException refusal = refused(() -> authenticate(
                    TestSigner.v3(key.accessKeyId(), "not the secret").action("UntagResources").toSignedRequest()),
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH);

            assertThat(refusal.getMessage()).isEqualTo("Specified signature is not matched with our calculation.");
        }

        @Test
        void v3QueryChangedAfterSigning() {
            SignedRequest signed = v3().toSignedRequest();
            Map<String, String> query = new LinkedHashMap<>(signed.queryParameters());
            query.put("ResourceId.1", "i-other");

            refused(() -> authenticate(
                    new SignedRequest("POST", query, query, signed.headers(), signed.body())),
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }

        @Test
        void v3SignedPayloadHashThatIsNotTheBodys() {
            SignedRequest request = v3().body("TagKey.3=x".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded").contentSha256(TestSigner.EMPTY_BODY_SHA256).toSignedRequest();

            refused(() -> authenticate(request), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }

        @Test
        void v3BodyChangedAfterSigning() {
            SignedRequest signed = v3().formBody(Map.of("TagKey.3", "x")).toSignedRequest();

            refused(() -> authenticate(new SignedRequest("POST", signed.queryParameters(),
                    signed.parameters(), signed.headers(), "TagKey.3=y".getBytes(StandardCharsets.UTF_8))),
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }

        @Test
        void aFailedSignatureDoesNotUseUpTheNonce() {
            String nonce = TestIds.nonce();
            refused(() -> authenticate(TestSigner.v1(key.accessKeyId(), "not the secret")
                    .action("UntagResources").nonce(nonce).toSignedRequest()), ErrorCode.SIGNATURE_DOES_NOT_MATCH);

            assertThat(authenticate(v1().nonce(nonce).toSignedRequest()).accountId())
                    .isEqualTo(key.accountId());
        }
    }

    @Nested
    class Nonces {

        @Test
        void v1ReplayIsRefused() {
            SignedRequest request = v1().toSignedRequest();
            authenticate(request);

            refused(() -> authenticate(request), ErrorCode.SIGNATURE_NONCE_USED);
        }

        @Test
        void v3ReplayIsRefused() {
            SignedRequest request = v3().toSignedRequest();
            authenticate(request);

            refused(() -> authenticate(request), ErrorCode.SIGNATURE_NONCE_USED);
        }

        @Test
        void aNonceIsPerKeyNotPerSignatureVersion() {
            String nonce = TestIds.nonce();
            authenticate(v1().nonce(nonce).toSignedRequest());

            refused(() -> authenticate(v3().nonce(nonce).toSignedRequest()),
                    ErrorCode.SIGNATURE_NONCE_USED);
        }

        @Test
        void concurrentCopiesOfOneRequestSucceedExactlyOnce() throws Exception {
            SignedRequest request = v3().toSignedRequest();
            int copies = 8;
            CountDownLatch ready = new CountDownLatch(copies);
            ExecutorService executor = Executors.newFixedThreadPool(copies);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    outcomes.add(executor.submit(() -> {
                        ready.countDown();
                        ready.await();
                        try {
                            authenticate(request);
                            return "accepted";
                        } catch (ApiException refusal) {
                            return refusal.errorCode().code();
                        }
                    }));
                }
                List<String> codes = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    codes.add(outcome.get());
                }
                assertThat(codes).containsOnlyOnce("accepted")
                        .filteredOn(code -> !code.equals("accepted")).containsOnly("SignatureNonceUsed");
            } finally {
                executor.shutdown();
            }
        }

        @Test
        void twoKeysMayUseTheSameNonce() {
            IssuedAccessKey otherKey = accessKeys.create(key.accountId(), false);
            String nonce = TestIds.nonce();

            authenticate(v1().nonce(nonce).toSignedRequest());
            Caller other = authenticate(TestSigner.v1(otherKey.accessKeyId(), otherKey.accessKeySecret())
                    .action("UntagResources").nonce(nonce).toSignedRequest());

            assertThat(other.accessKeyId()).isEqualTo(otherKey.accessKeyId());
        }

        @Test
        void theNonceIsKeptUntilItsRequestLeavesTheWindow() {
            Instant signedAt = clock.instant().minus(Duration.ofMinutes(3));
            String nonce = TestIds.nonce();

            authenticate(v1().timestamp(signedAt).nonce(nonce).toSignedRequest());

            OffsetDateTime expiresAt = jdbc.sql("""
                    select expires_at from signature_nonce
                     where account_id = ? and access_key_id = ? and nonce = ?""")
                    .params(key.accountId(), key.accessKeyId(), nonce).query(OffsetDateTime.class).single();
            assertThat(expiresAt.toInstant())
                    .isEqualTo(signedAt.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(15)));
        }

        @Test
        void anExpiredRowNotYetPurgedDoesNotBlockItsNonce() {
            String nonce = TestIds.nonce();
            insertNonce(nonce, clock.instant().minus(Duration.ofMinutes(1)));

            assertThat(authenticate(v1().nonce(nonce).toSignedRequest()).accountId())
                    .isEqualTo(key.accountId());
            refused(() -> authenticate(v1().nonce(nonce).toSignedRequest()),
                    ErrorCode.SIGNATURE_NONCE_USED);
        }

        @Test
        void aVeryLongNonceIsRecordedAsADigestAndStillRefusedOnReplay() {
            String nonce = "n".repeat(10_000);
            SignedRequest request = v1().nonce(nonce).inFormBody().toSignedRequest();

            authenticate(request);

            refused(() -> authenticate(request), ErrorCode.SIGNATURE_NONCE_USED);
            assertThat(jdbc.sql("select nonce from signature_nonce where access_key_id = ?")
                    .param(key.accessKeyId()).query(String.class).single()).startsWith("sha256:").hasSize(71);
        }

        @Test
        void purgeRemovesOnlyExpiredNonces(@Autowired SignatureNonces nonces) {
            insertNonce("expired", clock.instant().minus(Duration.ofSeconds(1)));
            insertNonce("current", clock.instant().plus(Duration.ofMinutes(10)));

            nonces.purgeExpired();

            assertThat(jdbc.sql("select nonce from signature_nonce where access_key_id = ?")
                    .param(key.accessKeyId()).query(String.class).list()).containsExactly("current");
        }

        @Test
        void deletingAKeyForgetsItsNonces() {
            authenticate(v1().toSignedRequest());

            accessKeys.delete(key.accessKeyId());

            assertThat(jdbc.sql("select count(*) from signature_nonce where access_key_id = ?")
                    .param(key.accessKeyId()).query(Integer.class).single()).isZero();
        }

        private void insertNonce(String nonce, Instant expiresAt) {
            jdbc.sql("insert into signature_nonce (account_id, access_key_id, nonce, expires_at) values (?, ?, ?, ?)")
                    .params(key.accountId(), key.accessKeyId(), nonce, expiresAt.atOffset(ZoneOffset.UTC)).update();
        }
    }

    private static ApiException refused(ThrowingCallable call, ErrorCode expected) {
        ApiException refusal = catchThrowableOfType(ApiException.class, call);
        assertThat(refusal).as("refused with %s", expected.code()).isNotNull();
        assertThat(refusal.errorCode()).isEqualTo(expected);
        return refusal;
    }
}
