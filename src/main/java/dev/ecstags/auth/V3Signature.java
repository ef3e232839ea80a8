package dev.ecstags.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The signature V3 (ACS3-HMAC-SHA256 in the Authorization header), docs/contract.md §2. */
final class V3Signature {

    static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private static final HexFormat HEX = HexFormat.of();

    private V3Signature() {
    }

    /**
     * Parses the header; its fields may come in any order (legacy Java core sends Signature before SignedHeaders).
     * Empty when the algorithm is another one (ACS3-HMAC-SM3, ACS3-RSA-SHA256) or a field is missing or repeated.
     */
    static Optional<V3Authorization> parseAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equals(ALGORITHM)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String item : trimmed.substring(space + 1).split(",")) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                return Optional.empty();
            }
            String name = item.substring(0, equals).trim();
            if (fields.put(name, item.substring(equals + 1).trim()) != null) {
                return Optional.empty();
            }
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (isEmpty(credential) || isEmpty(signedHeaders) || isEmpty(signature)) {
            return Optional.empty();
        }
        List<String> headerNames = Arrays.stream(signedHeaders.split(";", -1))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (headerNames.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new V3Authorization(credential, headerNames, signature));
    }

    /**
     * The canonical request: method, {@code /}, canonical query, canonical headers, signed headers and the hashed
     * payload, joined by newlines.
     *
     * @param queryParameters the URL query only, form-decoded: body parameters are covered by the payload hash
     * @param header          a request header by lower-case name, or null
     */
    static String canonicalRequest(String httpMethod, Map<String, String> queryParameters,
            Function<String, String> header, List<String> signedHeaders,
            String hashedPayload) {
        String canonicalQuery = queryParameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> PercentEncoding.encode(parameter.getKey()) + "="
                        + PercentEncoding.encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = header.apply(name);
            canonicalHeaders.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return httpMethod + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n" + hashedPayload;
    }

    static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    private static final Hmac HMAC_SHA256 = new Hmac("HmacSHA256");

    /** Lower-case hex of HMAC-SHA256 keyed with the bare secret. */
    static String sign(String stringToSign, String accessKeySecret) {
        return HEX.formatHex(HMAC_SHA256.sign(accessKeySecret, stringToSign));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
