package dev.ecstags.admin;

import dev.ecstags.TagsProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an admin call through only with {@code Authorization: Bearer <token>}, for any of the tokens of
 * {@code tags.admin.token} (comma-separated, so that a new token can be rolled out before the old one goes). Without
 * a configured token the admin API is closed.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenInterceptor.class);
    private static final String BEARER = "Bearer ";

    /** SHA-256 of each token: comparing digests takes the same time whatever the length of the guess. */
    private final List<byte[]> expectedDigests;

    AdminTokenInterceptor(TagsProperties properties) {
        this.expectedDigests = properties.admin().tokens().stream().map(AdminTokenInterceptor::sha256).toList();
        if (expectedDigests.isEmpty()) {
            log.warn("No admin token is set (TAGS_ADMIN_TOKEN): the admin API refuses every call.");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (expectedDigests.isEmpty()) {
            throw AdminProblems.unauthorized("The admin API is disabled: no admin token (TAGS_ADMIN_TOKEN) is set.");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AdminProblems.unauthorized("An admin call needs the header Authorization: Bearer <admin token>.");
        }
        String token = authorization.substring(BEARER.length()).trim();
        byte[] digest = sha256(token);
        boolean known = false;
        for (byte[] expected : expectedDigests) {
            // Every token is compared, so the time taken does not tell which one matched.
            known |= MessageDigest.isEqual(digest, expected);
        }
        if (!known) {
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
