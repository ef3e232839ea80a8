package dev.ecstags.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The RPC signature V1 (HMAC-SHA1), docs/contract.md §2. */
final class V1Signature {

    static final String SIGNATURE_METHOD = "HMAC-SHA1";
    static final String SIGNATURE_VERSION = "1.0";
    static final String SIGNATURE_PARAMETER = "Signature";

    private V1Signature() {
    }

    /**
     * {@code METHOD&%2F&enc(canonicalized query)} over every parameter except {@code Signature}.
     *
     * @param includeEmptyValues legacy Java core and pop-core sign {@code name=} for an empty value; the Tea SDK's
     *                           v2 path leaves such parameters out of the string to sign (but still sends them)
     */
    static String stringToSign(String httpMethod, Map<String, String> parameters, boolean includeEmptyValues) {
        String canonicalizedQuery = parameters.entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals(SIGNATURE_PARAMETER))
                .filter(parameter -> includeEmptyValues || !parameter.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> PercentEncoding.encode(parameter.getKey()) + "="
                        + PercentEncoding.encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return httpMethod + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonicalizedQuery);
    }

    /** {@code Mac.getInstance} looks the algorithm up among the providers on every call; a thread reuses its own. */
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    });

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = HMAC_SHA1.get();
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
