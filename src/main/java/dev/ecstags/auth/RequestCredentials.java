package dev.ecstags.auth;

import dev.ecstags.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The common parameters of a signed request, as either signature version carries them: read once, by {@link #read}
 * (docs/contract.md §3 steps 2 and 3), and handed to {@link RequestAuthenticator#verify} after the web layer has
 * checked Version and Action.
 */
public sealed interface RequestCredentials {

    /** The most of the server's string to sign that a SignatureDoesNotMatch message echoes (8 KB of ASCII). */
    int MAX_ECHOED_CHARS = 8 * 1024;

    String accessKeyId();

    String nonce();

    /** {@code Timestamp} (V1) or {@code x-acs-date} (V3), unparsed. */
    String timestamp();

    /** Throws IncompleteSignature or SignatureDoesNotMatch unless the request was signed with this secret. */
    void verifySignature(SignedRequest request, String accessKeySecret);

    /**
     * Reads the common parameters, refusing the request with MissingParameter naming the first one missing (V1:
     * Action, Version, AccessKeyId, Signature, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp; V3:
     * x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce, x-acs-content-sha256), or with
     * IncompleteSignature when a V3 Authorization header is malformed or leaves a header the service acts on unsigned.
     */
    static RequestCredentials read(SignedRequest request) {
        return request.isV3() ? readV3(request) : readV1(request);
    }

    private static RequestCredentials readV1(SignedRequest request) {
        require("Action", request.action());
        require("Version", request.version());
        var parameters = request.parameters();
        String accessKeyId = require("AccessKeyId", parameters.get("AccessKeyId"));
        String signature = require("Signature", parameters.get("Signature"));
        String signatureMethod = require("SignatureMethod", parameters.get("SignatureMethod"));
        String signatureVersion = require("SignatureVersion", parameters.get("SignatureVersion"));
        String nonce = require("SignatureNonce", parameters.get("SignatureNonce"));
        String timestamp = require("Timestamp", parameters.get("Timestamp"));
        return new V1(accessKeyId, signature, signatureMethod, signatureVersion, nonce, timestamp);
    }

    private static RequestCredentials readV3(SignedRequest request) {
        require("x-acs-action", request.action());
        require("x-acs-version", request.version());
        String date = require("x-acs-date", trimmedHeader(request, "x-acs-date"));
        String nonce = require("x-acs-signature-nonce", trimmedHeader(request, "x-acs-signature-nonce"));
        String contentSha256 = require("x-acs-content-sha256", trimmedHeader(request, "x-acs-content-sha256"));
        V3Authorization authorization = V3Signature.parseAuthorization(request.header("authorization"))
                .orElseThrow(ErrorCode.INCOMPLETE_SIGNATURE::exception);
        if (!authorization.signedHeaders().containsAll(headersTheServiceActsOn(request))) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.exception();
        }
        return new V3(authorization, nonce, date, contentSha256);
    }

    /**
     * A header the service acts on but the client did not sign could be changed by whoever replays a captured
     * request (a fresh date and nonce would make it pass again, another action would do something else). Every SDK
     * signs all {@code x-acs-*} headers, so this refuses nothing they send.
     */
    private static List<String> headersTheServiceActsOn(SignedRequest request) {
        var headers = new ArrayList<>(List.of("x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"));
        if (isEmpty(request.parameters().get("Action"))) {
            headers.add("x-acs-action");
        }
        if (isEmpty(request.parameters().get("Version"))) {
            headers.add("x-acs-version");
        }
        return headers;
    }

    private static String trimmedHeader(SignedRequest request, String name) {
        String value = request.header(name);
        return value == null ? null : value.trim();
    }

    private static String require(String name, String value) {
        if (isEmpty(value)) {
            throw ErrorCode.MISSING_PARAMETER.exception(name);
        }
        return value;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    record V1(String accessKeyId, String signature, String signatureMethod, String signatureVersion, String nonce,
            String timestamp) implements RequestCredentials {

        @Override
        public void verifySignature(SignedRequest request, String accessKeySecret) {
            if (!V1Signature.SIGNATURE_METHOD.equals(signatureMethod)
                    || !V1Signature.SIGNATURE_VERSION.equals(signatureVersion)) {
                throw ErrorCode.INCOMPLETE_SIGNATURE.exception();
            }
            String withEmptyValues = V1Signature.stringToSign(request.method(), request.parameters(), true);
            if (matches(V1Signature.sign(withEmptyValues, accessKeySecret), signature)) {
                return;
            }
            String withoutEmptyValues = V1Signature.stringToSign(request.method(), request.parameters(), false);
            if (!withoutEmptyValues.equals(withEmptyValues)
                    && matches(V1Signature.sign(withoutEmptyValues, accessKeySecret), signature)) {
                return;
            }
            // Legacy Java core compares this text with its own string to sign to tell the user the secret is wrong.
            throw ErrorCode.SIGNATURE_DOES_NOT_MATCH.exception(" server string to sign is:" + echoed(withEmptyValues));
        }
    }

    record V3(V3Authorization authorization, String nonce, String timestamp, String contentSha256)
            implements
                RequestCredentials {

        @Override
        public String accessKeyId() {
            return authorization.accessKeyId();
        }

        @Override
        public void verifySignature(SignedRequest request, String accessKeySecret) {
            String canonicalRequest = V3Signature.canonicalRequest(request.method(), request.queryParameters(),
                    request::header, authorization.signedHeaders(), contentSha256);
            String expected = V3Signature.sign(V3Signature.stringToSign(canonicalRequest), accessKeySecret);
            boolean signatureMatches = matches(expected, authorization.signature().toLowerCase(Locale.ROOT));
            boolean payloadMatches = matches(V3Signature.sha256Hex(request.body()), contentSha256);
            if (!signatureMatches || !payloadMatches) {
                throw ErrorCode.SIGNATURE_DOES_NOT_MATCH.exception();
            }
        }
    }

    /**
     * The string to sign as the answer may carry it: whole up to {@link #MAX_ECHOED_CHARS} (every ordinary call,
     * so the SDK's comparison works), else its beginning and a note, so a large request cannot make a larger answer.
     */
    private static String echoed(String stringToSign) {
        if (stringToSign.length() <= MAX_ECHOED_CHARS) {
            return stringToSign;
        }
        return stringToSign.substring(0, MAX_ECHOED_CHARS) + "...[truncated: the string to sign has "
                + stringToSign.length() + " characters]";
    }

    /** Constant time, so the response time tells nothing about how much of a guessed signature was right. */
    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
