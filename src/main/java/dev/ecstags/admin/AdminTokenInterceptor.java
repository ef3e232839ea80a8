package dev.ecstags.admin;

import dev.ecstags.TagsProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an admin call through only with {@code Authorization: Bearer <tags.admin.token>}. Without a configured token
 * the admin API is closed.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    /** SHA-256 of the token: comparing digests takes the same time whatever the length of the guess. */
    private final byte[] expectedDigest;

    AdminTokenInterceptor(TagsProperties properties) {
        TagsProperties.Admin admin = properties.admin();
        this.expectedDigest = admin.configured() ? sha256(admin.token()) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (expectedDigest == null) {
            throw AdminProblems.unauthorized("The admin API is disabled: no admin token (TAGS_ADMIN_TOKEN) is set.");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AdminProblems.unauthorized("An admin call needs the header Authorization: Bearer <admin token>.");
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (!MessageDigest.isEqual(sha256(token), expectedDigest)) {
            throw AdminProblems.unauthorized("The admin token is wrong.");
        }
        return true;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
