package dev.ecstags.auth;

import dev.ecstags.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Reads a request's common parameters, refusing it when one is missing or the V3 Authorization is malformed. */
final class CommonParameters {

    private CommonParameters() {
    }

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
        return new RequestCredentials.V1(accessKeyId, signature, signatureMethod, signatureVersion, nonce, timestamp);
    }

    private static RequestCredentials readV3(SignedRequest request) {
        require("x-acs-action", request.action());
        require("x-acs-version", request.version());
        String date = require("x-acs-date", trimmedHeader(request, "x-acs-date"));
        String nonce = require("x-acs-signature-nonce", trimmedHeader(request, "x-acs-signature-nonce"));
        String contentSha256 = require("x-acs-content-sha256", trimmedHeader(request, "x-acs-content-sha256"));
        V3Signature.Authorization authorization = V3Signature.parseAuthorization(request.header("authorization"))
                .orElseThrow(ErrorCode.INCOMPLETE_SIGNATURE::exception);
        requireSigned(authorization, headersTheServiceActsOn(request));
        return new RequestCredentials.V3(authorization, nonce, date, contentSha256);
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

    private static void requireSigned(V3Signature.Authorization authorization, List<String> headers) {
        if (!authorization.signedHeaders().containsAll(headers)) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.exception();
        }
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
}
