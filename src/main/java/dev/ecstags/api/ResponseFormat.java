package dev.ecstags.api;

import dev.ecstags.auth.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** JSON or XML, with the exact content types the SDKs look for. */
@RequiredArgsConstructor
enum ResponseFormat {
    JSON("application/json;charset=utf-8"),
    XML("text/xml;charset=utf-8");

    @Getter(AccessLevel.PACKAGE)
    private final String contentType;

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

    /**
     * For a refusal before the request is read as an RPC call (its body may never have arrived): the query's
     * {@code Format}, else the same negotiation as {@link #negotiated}. A request too broken to tell gets XML.
     */
    static ResponseFormat atTheEdge(HttpServletRequest request) {
        try {
            ResponseFormat named = named(formatInQuery(request.getQueryString()));
            if (named != null) {
                return named;
            }
            String authorization = request.getHeader("Authorization");
            boolean v3 = authorization != null && authorization.startsWith("ACS3-");
            return v3 || acceptPrefersJson(request.getHeader("Accept")) ? JSON : XML;
        } catch (RuntimeException unreadable) {
            return XML;
        }
    }

    private static String formatInQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("Format=")) {
                return URLDecoder.decode(pair.substring("Format=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
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
