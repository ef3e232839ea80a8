package dev.ecstags.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC algorithm as both signature versions use it: key and data are UTF-8 text. {@code Mac.getInstance} looks
 * the algorithm up among the providers on every call, so each thread keeps its own {@link Mac} and re-keys it for
 * every signature.
 */
final class Hmac {

    private final String algorithm;
    private final ThreadLocal<Mac> perThread;

    Hmac(String algorithm) {
        this.algorithm = algorithm;
        this.perThread = ThreadLocal.withInitial(() -> {
            try {
                return Mac.getInstance(algorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
            }
        });
    }

    byte[] sign(String key, String data) {
        try {
            Mac mac = perThread.get();
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
