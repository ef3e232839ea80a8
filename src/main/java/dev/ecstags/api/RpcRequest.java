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
import java.util.Optional;

/**
 * An RPC request as read off the wire. The SDKs put parameters in the query (legacy Java, Tea), in a form body
 * (pop-core) or split across both, so both are form-decoded and merged, the body winning on a clash.
 *
 * @param signed    the request as the signature schemes see it
 * @param malformed the first parameter that could not be read, if any: it is refused as a malformed value, in its
 *                  place in the order of docs/contract.md §3 (after the signature checks)
 */
record RpcRequest(SignedRequest signed, Optional<String> malformed) {

    /** Far above what 50 resources and 20 tags of 128 characters need. */
    static final int MAX_BODY_BYTES = 1 << 20;

    static RpcRequest read(HttpServletRequest http) throws IOException {
        var reader = new FormReader();
        Map<String, String> query = reader.decode(http.getQueryString());
        byte[] body = body(http);
        Map<String, String> parameters = new HashMap<>(query);
        if (body.length > MAX_BODY_BYTES) {
            // RequestIntakeFilter refuses such a body before it gets here; never read it as if it were absent.
            throw ErrorCode.REQUEST_BODY_TOO_LARGE.exception();
        } else if (isForm(http.getContentType())) {
            parameters.putAll(reader.decode(new String(body, StandardCharsets.UTF_8)));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        return new RpcRequest(new SignedRequest(http.getMethod(), query, parameters, headers, body),
                Optional.ofNullable(reader.firstMalformed));
    }

    /**
     * The body, read to its declared length: RequestIntakeFilter has it whole by now, and a read "up to" the bound
     * would allocate an 8 KB chunk on every call, most of the garbage a small call makes. Without a length within the
     * bound, it reads one byte past the bound, for the caller to refuse.
     */
    private static byte[] body(HttpServletRequest http) throws IOException {
        long declaredLength = http.getContentLengthLong();
        if (declaredLength == 0) {
            return new byte[0]; // most SDK calls carry none
        }
        boolean withinBound = declaredLength > 0 && declaredLength <= MAX_BODY_BYTES;
        return http.getInputStream().readNBytes(withinBound ? (int) declaredLength : MAX_BODY_BYTES + 1);
    }

    /** A body without a content type is read as a form too: some clients send none. */
    private static boolean isForm(String contentType) {
        return contentType == null || contentType.isBlank()
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static final class FormReader {

        private String firstMalformed;

        Map<String, String> decode(String encoded) {
            Map<String, String> decoded = new HashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return decoded;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                    String decodedValue = URLDecoder.decode(value, StandardCharsets.UTF_8);
                    // PostgreSQL cannot store a NUL character: refuse it rather than fail in the database. It stays
                    // among the parameters, which the caller signed with it.
                    if (decodedName.indexOf('\u0000') >= 0 || decodedValue.indexOf('\u0000') >= 0) {
                        refuse(decodedName.replace("\u0000", ""));
                    }
                    if (!pair.isEmpty()) {
                        decoded.put(decodedName, decodedValue);
                    }
                } catch (IllegalArgumentException undecodable) {
                    refuse(name);
                }
            }
            return decoded;
        }

        void refuse(String name) {
            if (firstMalformed == null) {
                firstMalformed = name;
            }
        }
    }
}
