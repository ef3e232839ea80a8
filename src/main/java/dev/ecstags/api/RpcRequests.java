package dev.ecstags.api;

import dev.ecstags.auth.SignedRequest;
import dev.ecstags.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an RPC request off the wire. The SDKs put parameters in the query (legacy Java, Tea), in a form body
 * (pop-core) or split across both, so both are form-decoded and merged, the body winning on a clash.
 */
final class RpcRequests {

    /** Far above what 50 resources and 20 tags of 128 characters need. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private RpcRequests() {
    }

    static SignedRequest read(HttpServletRequest http) throws IOException {
        Map<String, String> query = formDecode(http.getQueryString());
        byte[] body = http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw ErrorCode.INVALID_PARAMETER.exception("body");
        }
        Map<String, String> parameters = new HashMap<>(query);
        if (isForm(http.getContentType())) {
            parameters.putAll(formDecode(new String(body, StandardCharsets.UTF_8)));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        return new SignedRequest(http.getMethod(), query, parameters, headers, body);
    }

    /** A body without a content type is read as a form too: some clients send none. */
    private static boolean isForm(String contentType) {
        return contentType == null || contentType.isBlank()
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, String> formDecode(String encoded) {
        Map<String, String> decoded = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return decoded;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                String decodedValue = URLDecoder.decode(value, StandardCharsets.UTF_8);
                // PostgreSQL cannot store a NUL character; refuse it here rather than fail in the database.
                if (decodedName.indexOf('\u0000') >= 0 || decodedValue.indexOf('\u0000') >= 0) {
                    throw ErrorCode.INVALID_PARAMETER.exception(name);
                }
                decoded.put(decodedName, decodedValue);
            } catch (IllegalArgumentException malformed) {
                throw ErrorCode.INVALID_PARAMETER.exception(name);
            }
        }
        return decoded;
    }
}
