package dev.ecstags.api;

import dev.ecstags.auth.SignedRequest;
import java.util.Comparator;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** JSON or XML, with the exact content types the SDKs look for. */
enum ResponseFormat {
    JSON("application/json;charset=utf-8"),
    XML("text/xml;charset=utf-8");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /**
     * Without a {@code Format} parameter: JSON for a V3-signed request or an {@code Accept} that prefers JSON,
     * else XML, the documented ECS default.
     */
    static ResponseFormat negotiated(SignedRequest request) {
        if (request.isV3() || acceptPrefersJson(request.header("accept"))) {
            return JSON;
        }
        return XML;
    }

    /** The {@code Format} parameter, case-insensitive; null when it names no format. */
    static ResponseFormat named(String format) {
        if ("json".equalsIgnoreCase(format)) {
            return JSON;
        }
        return "xml".equalsIgnoreCase(format) ? XML : null;
    }

    private static boolean acceptPrefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
                    .max(Comparator.comparingDouble(MediaType::getQualityValue))
                    .map(type -> type.getSubtype().contains("json"))
                    .orElse(false);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
