package dev.ecstags.auth;

import java.util.Base64;
import java.util.List;
import java.util.Map;

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
        List<Map.Entry<String, String>> signed = parameters.entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals(SIGNATURE_PARAMETER))
                .filter(parameter -> includeEmptyValues || !parameter.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .toList();
        // The canonicalized query is percent-encoded a second time as a whole: written here in one pass, its "&"
        // and "=" as %26 and %3D and each name and value encoded twice, rather than built and then encoded again
        // (the signature was 6% of the JVM's time per call, most of it in that second string).
        var stringToSign = new StringBuilder(256).append(httpMethod).append("&%2F&");
        for (int i = 0; i < signed.size(); i++) {
            if (i > 0) {
                stringToSign.append("%26");
            }
            PercentEncoding.appendEncodedTwice(stringToSign, signed.get(i).getKey());
            stringToSign.append("%3D");
            PercentEncoding.appendEncodedTwice(stringToSign, signed.get(i).getValue());
        }
        return stringToSign.toString();
    }

    private static final Hmac HMAC_SHA1 = new Hmac("HmacSHA1");

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    static String sign(String stringToSign, String accessKeySecret) {
        return Base64.getEncoder().encodeToString(HMAC_SHA1.sign(accessKeySecret + "&", stringToSign));
    }
}
