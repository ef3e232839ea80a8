package dev.ecstags.support;

import dev.ecstags.auth.SignedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' one signer: builds requests signed the way the Alibaba Cloud SDKs sign them, written independently of
 * the production verifier (it encodes with legacy Java core's {@code URLEncoder} recipe, for instance) so that
 * tests cross-check the two.
 *
 * <p>{@link #v1} signs like legacy Java core / pop-core (HMAC-SHA1, empty values signed; {@link V1#signEmptyValues}
 * false for the Tea SDK's v2 path), {@link #v3} like the Tea SDK (ACS3-HMAC-SHA256). Unlike an SDK it can break
 * every rule on purpose: drop or blank any common parameter, choose the timestamp and nonce, send a wrong signature,
 * payload hash or Authorization header, use any HTTP method, put parameters in the query or a form body (or split
 * them). A request gives a {@link SignedRequest} for tests below the web layer; one made by {@link RpcClient#v1} or
 * {@link RpcClient#v3} is also sent over real HTTP by {@code send()}. Defaults: a fresh nonce, the current time,
 * Version 2014-05-26.
 *
 * <pre>{@code
 * RpcResponse response = rpc.v1(key).action("UntagResources")
 *         .param("RegionId", "cn-hangzhou").param("ResourceType", "instance").param("ResourceId.1", "i-1")
 *         .param("TagKey.1", "env").send();
 * }</pre>
 */
public final class TestSigner {

    public static final String API_VERSION = "2014-05-26";
    /** SHA-256 of an empty body, the {@code x-acs-content-sha256} of every body-less V3 request. */
    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The Host a request signs when no {@link RpcClient} sends it. */
    private static final String DEFAULT_HOST = "127.0.0.1:8080";

    private TestSigner() {
    }

    /** A V1 request that is only signed (see {@link RpcClient#v1} for one that is also sent). */
    public static V1 v1(String accessKeyId, String accessKeySecret) {
        return new V1(accessKeyId, accessKeySecret, null);
    }

    /** A V3 request that is only signed (see {@link RpcClient#v3} for one that is also sent). */
    public static V3 v3(String accessKeyId, String accessKeySecret) {
        return new V3(accessKeyId, accessKeySecret, null);
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, as the SDKs send Timestamp and x-acs-date. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 3986, as legacy Java core's AcsURLEncoder does it. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** {@code name=value&…}, percent-encoded, in the map's order: a query string or a form body. */
    public static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(parameter -> percentEncode(parameter.getKey()) + "=" + percentEncode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Puts the value under the name, or removes the name when the value is null (the request then has none). */
    private static void putOrRemove(Map<String, String> map, String name, String value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
    }

    /**
     * What a V1 and a V3 request share: the HTTP method, parameters set one by one or from a map, the
     * {@link SignedRequest} for tests below the web layer, and sending through the {@link RpcClient} that made it.
     */
    public abstract static sealed class Request<R extends Request<R>> permits V1, V3 {

        private final RpcClient client;
        /** What signs: V1's HMAC-SHA1 key is the secret and {@code &}, V3's HMAC-SHA256 key the secret itself. */
        final String accessKeySecret;
        private String method;
        /** The headers set, by lower-case name. */
        final Map<String, String> headers = new LinkedHashMap<>();

        Request(RpcClient client, String method, String accessKeySecret) {
            this.client = client;
            this.method = method;
            this.accessKeySecret = accessKeySecret;
        }

        /** This request as its own type: R is always the class itself (V1 or V3). */
        @SuppressWarnings("unchecked")
        private R self() {
            return (R) this;
        }

        /** The HTTP method, part of what V1 and V3 sign. */
        public R method(String method) {
            this.method = method;
            return self();
        }

        public String method() {
            return method;
        }

        /** Sets a parameter (V1: any, common ones included; V3: a query parameter); null removes it. */
        public abstract R param(String name, String value);

        /**
         * Sets a header, by lower-case name; null removes it. V1 signs no header; V3 signs host, content-type and
         * x-acs-* ones, as the SDKs do.
         */
        public R header(String name, String value) {
            putOrRemove(headers, name.toLowerCase(Locale.ROOT), value);
            return self();
        }

        /** The action: V1's {@code Action} parameter, V3's {@code x-acs-action} header; null sends none. */
        public abstract R action(String action);

        /** V1's {@code SignatureNonce}, V3's {@code x-acs-signature-nonce}; null sends none. */
        public abstract R nonce(String nonce);

        public R params(Map<String, String> values) {
            values.forEach(this::param);
            return self();
        }

        public abstract SignedRequest toSignedRequest();

        /** Sends the request to the service of the {@link RpcClient} that made it. */
        public abstract RpcResponse send();

        RpcClient client() {
            if (client == null) {
                throw new IllegalStateException("Only signed: make the request with RpcClient.v1 or .v3 to send it");
            }
            return client;
        }
    }

    /**
     * A V1 (HMAC-SHA1) request: the common parameters ({@code Format=JSON}, {@code Version}, {@code AccessKeyId},
     * {@code SignatureMethod}, {@code SignatureVersion}, a fresh {@code SignatureNonce}, the current
     * {@code Timestamp}) are preset; every parameter, {@code Signature} included, goes in the query unless moved to
     * a form body. The signature is computed when it is read or sent, over whatever the parameters are then.
     */
    public static final class V1 extends Request<V1> {

        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Set<String> bodyParameters = new LinkedHashSet<>();
        private boolean signEmptyValues = true;
        private boolean everyParameterInBody;
        private boolean signatureOverridden;
        private String signatureOverride;

        V1(String accessKeyId, String accessKeySecret, RpcClient client) {
            super(client, "GET", accessKeySecret);
            parameters.put("Format", "JSON");
            parameters.put("Version", API_VERSION);
            parameters.put("AccessKeyId", accessKeyId);
            parameters.put("SignatureMethod", "HMAC-SHA1");
            parameters.put("SignatureVersion", "1.0");
            parameters.put("SignatureNonce", TestIds.nonce());
            parameters.put("Timestamp", TestSigner.timestamp(Instant.now()));
        }

        @Override
        public V1 action(String action) {
            return param("Action", action);
        }

        @Override
        public V1 param(String name, String value) {
            putOrRemove(parameters, name, value);
            return this;
        }

        /** Removes a parameter, a common one such as {@code Timestamp} included. */
        public V1 drop(String name) {
            return param(name, null);
        }

        public V1 timestamp(Instant instant) {
            return param("Timestamp", TestSigner.timestamp(instant));
        }

        /** A Timestamp sent verbatim, malformed or not. */
        public V1 timestamp(String timestamp) {
            return param("Timestamp", timestamp);
        }

        @Override
        public V1 nonce(String nonce) {
            return param("SignatureNonce", nonce);
        }

        /** {@code Format}: JSON unless set; null sends none (the service then negotiates from {@code Accept}). */
        public V1 format(String format) {
            return param("Format", format);
        }

        public V1 accept(String accept) {
            return header("Accept", accept);
        }

        /** False signs like the Tea SDK's v2 path: empty-valued parameters are sent but not signed. */
        public V1 signEmptyValues(boolean signEmptyValues) {
            this.signEmptyValues = signEmptyValues;
            return this;
        }

        /** POST with every parameter, Signature included, in a form body and none in the query (as pop-core). */
        public V1 inFormBody() {
            everyParameterInBody = true;
            return method("POST");
        }

        /** POST with these parameters in a form body and the rest in the query. */
        public V1 inFormBody(String... names) {
            bodyParameters.addAll(List.of(names));
            return method("POST");
        }

        /** Sends this Signature instead of the computed one; null sends none. */
        public V1 signature(String signature) {
            this.signatureOverridden = true;
            this.signatureOverride = signature;
            return this;
        }

        /** The string to sign as the SDKs build it (empty values included unless {@link #signEmptyValues} false). */
        public String stringToSign() {
            Map<String, String> signed = new TreeMap<>(parameters);
            if (!signEmptyValues) {
                signed.values().removeIf(String::isEmpty);
            }
            return method() + "&" + percentEncode("/") + "&" + percentEncode(encode(signed));
        }

        public String signature() {
            if (signatureOverridden) {
                return signatureOverride;
            }
            return Base64.getEncoder().encodeToString(hmac("HmacSHA1", accessKeySecret + "&", stringToSign()));
        }

        /** Every parameter as it will be sent, Signature included. */
        public Map<String, String> signedParameters() {
            Map<String, String> sent = new LinkedHashMap<>(parameters);
            String signature = signature();
            if (signature != null) {
                sent.put("Signature", signature);
            }
            return sent;
        }

        /** Every parameter, Signature included, percent-encoded as one query string or form body. */
        public String encodedParameters() {
            return encode(signedParameters());
        }

        /** The headers to send: those set, and the form's Content-Type when there is a form body. */
        public Map<String, String> headers() {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (everyParameterInBody || !bodyParameters.isEmpty()) {
                sent.putIfAbsent("content-type", FORM);
            }
            return sent;
        }

        /** The parameters, Signature included, that go in the form body (true) or in the query (false). */
        private Map<String, String> sentInBody(boolean inBody) {
            Map<String, String> part = new LinkedHashMap<>();
            signedParameters().forEach((name, value) -> {
                if ((everyParameterInBody || bodyParameters.contains(name)) == inBody) {
                    part.put(name, value);
                }
            });
            return part;
        }

        private byte[] body() {
            Map<String, String> body = sentInBody(true);
            return body.isEmpty() ? new byte[0] : encode(body).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SignedRequest toSignedRequest() {
            return new SignedRequest(method(), sentInBody(false), signedParameters(), headers(), body());
        }

        @Override
        public RpcResponse send() {
            return client().send(method(), encode(sentInBody(false)), headers(), body());
        }
    }

    /**
     * A V3 (ACS3-HMAC-SHA256) request as the Tea SDK sends it: POST, business parameters in the query,
     * {@code x-acs-action}, {@code x-acs-version}, {@code x-acs-date}, {@code x-acs-signature-nonce},
     * {@code x-acs-content-sha256} and {@code host} signed. No {@code Format}: the service answers JSON.
     */
    public static final class V3 extends Request<V3> {

        private final String accessKeyId;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> unsignedHeaders = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String contentSha256Override;
        private boolean legacyFieldOrder;
        private String authorizationOverride;

        V3(String accessKeyId, String accessKeySecret, RpcClient client) {
            super(client, "POST", accessKeySecret);
            this.accessKeyId = accessKeyId;
            headers.put("host", client == null ? DEFAULT_HOST : client.host());
            headers.put("x-acs-version", API_VERSION);
            headers.put("x-acs-date", timestamp(Instant.now()));
            headers.put("x-acs-signature-nonce", TestIds.nonce());
        }

        /** A query parameter, signed in the canonical query. */
        @Override
        public V3 param(String name, String value) {
            putOrRemove(query, name, value);
            return this;
        }

        @Override
        public V3 action(String action) {
            return header("x-acs-action", action);
        }

        /** {@code x-acs-version}; null sends none. */
        public V3 version(String version) {
            return header("x-acs-version", version);
        }

        /** A header sent but left out of SignedHeaders; null removes it. */
        public V3 unsignedHeader(String name, String value) {
            headers.remove(name.toLowerCase(Locale.ROOT));
            putOrRemove(unsignedHeaders, name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public V3 accept(String accept) {
            return unsignedHeader("accept", accept);
        }

        public V3 date(Instant instant) {
            return header("x-acs-date", timestamp(instant));
        }

        /** An {@code x-acs-date} sent verbatim, malformed or not; null sends none. */
        public V3 date(String date) {
            return header("x-acs-date", date);
        }

        @Override
        public V3 nonce(String nonce) {
            return header("x-acs-signature-nonce", nonce);
        }

        public V3 body(byte[] body, String contentType) {
            this.body = body.clone();
            return header("content-type", contentType);
        }

        /** A form body of these parameters (covered by the payload hash only, not by the canonical query). */
        public V3 formBody(Map<String, String> parameters) {
            return body(encode(parameters).getBytes(StandardCharsets.UTF_8), FORM);
        }

        /** Signs and sends this x-acs-content-sha256 instead of the body's hash; null sends none. */
        public V3 contentSha256(String contentSha256) {
            this.contentSha256Override = contentSha256 == null ? "" : contentSha256;
            return this;
        }

        /** Orders the Authorization fields Credential, Signature, SignedHeaders, as legacy Java core's V3 mode. */
        public V3 legacyCoreFieldOrder() {
            this.legacyFieldOrder = true;
            return this;
        }

        /** Sends this Authorization header instead of the computed one. */
        public V3 authorization(String authorization) {
            this.authorizationOverride = authorization;
            return this;
        }

        private Map<String, String> signedHeaderValues() {
            Map<String, String> signed = new TreeMap<>();
            headers.forEach((name, value) -> {
                if (name.startsWith("x-acs-") || name.equals("host") || name.equals("content-type")) {
                    signed.put(name, value);
                }
            });
            String contentSha256 = contentSha256Override != null ? contentSha256Override : sha256Hex(body);
            if (contentSha256.isEmpty()) {
                signed.remove("x-acs-content-sha256");
            } else {
                signed.put("x-acs-content-sha256", contentSha256);
            }
            return signed;
        }

        public String signedHeaders() {
            return String.join(";", signedHeaderValues().keySet());
        }

        public String canonicalRequest() {
            Map<String, String> signed = signedHeaderValues();
            String canonicalHeaders = signed.entrySet().stream()
                    .map(header -> header.getKey() + ":" + header.getValue().trim() + "\n")
                    .collect(Collectors.joining());
            return method() + "\n/\n" + encode(new TreeMap<>(query)) + "\n" + canonicalHeaders + "\n"
                    + signedHeaders() + "\n" + signed.getOrDefault("x-acs-content-sha256", "");
        }

        public String stringToSign() {
            return "ACS3-HMAC-SHA256\n" + sha256Hex(canonicalRequest().getBytes(StandardCharsets.UTF_8));
        }

        public String signature() {
            return HexFormat.of().formatHex(hmac("HmacSHA256", accessKeySecret, stringToSign()));
        }

        public String authorizationHeader() {
            if (authorizationOverride != null) {
                return authorizationOverride;
            }
            String credential = "Credential=" + accessKeyId;
            String signedHeaders = "SignedHeaders=" + signedHeaders();
            String signature = "Signature=" + signature();
            return "ACS3-HMAC-SHA256 " + String.join(",", legacyFieldOrder
                    ? List.of(credential, signature, signedHeaders)
                    : List.of(credential, signedHeaders, signature));
        }

        /** The percent-encoded query string (may be empty). */
        public String queryString() {
            return encode(query);
        }

        public byte[] body() {
            return body.clone();
        }

        /** Every header to send, Authorization included, by lower-case name. */
        public Map<String, String> headers() {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.putAll(signedHeaderValues());
            sent.putAll(unsignedHeaders);
            sent.put("authorization", authorizationHeader());
            return sent;
        }

        @Override
        public SignedRequest toSignedRequest() {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            String contentType = headers.get("content-type");
            if (contentType != null && contentType.startsWith(FORM) && body.length > 0) {
                for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                    int equals = pair.indexOf('=');
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return new SignedRequest(method(), query, parameters, headers(), body);
        }

        @Override
        public RpcResponse send() {
            return client().send(method(), queryString(), headers(), body());
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
