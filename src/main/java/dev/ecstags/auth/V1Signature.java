package dev.ecstags.auth;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

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

    private static final Hmac HMAC_SHA1 = new Hmac("HmacSHA1");

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    static String sign(String stringToSign, String accessKeySecret) {
        return Base64.getEncoder().encodeToString(HMAC_SHA1.sign(accessKeySecret + "&", stringToSign));
    }
}
