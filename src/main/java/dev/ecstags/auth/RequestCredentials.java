package dev.ecstags.auth;

import dev.ecstags.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** The common parameters of a signed request, as either signature version carries them. */
sealed interface RequestCredentials {

    /** The most of the server's string to sign that a SignatureDoesNotMatch message echoes (8 KB of ASCII). */
    int MAX_ECHOED_CHARS = 8 * 1024;

    String accessKeyId();

    String nonce();

    /** {@code Timestamp} (V1) or {@code x-acs-date} (V3), unparsed. */
    String timestamp();

    /** Throws IncompleteSignature or SignatureDoesNotMatch unless the request was signed with this secret. */
    void verifySignature(SignedRequest request, String accessKeySecret);

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

    record V3(V3Signature.Authorization authorization, String nonce, String timestamp, String contentSha256)
            implements RequestCredentials {

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
