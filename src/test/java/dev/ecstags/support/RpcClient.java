package dev.ecstags.support;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.auth.TestSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A raw HTTP client for the RPC endpoint of the service under test, signing V1 (HMAC-SHA1) or V3
 * (ACS3-HMAC-SHA256) requests the way the SDKs do. The signing is {@link TestSigner}'s, which is written apart from
 * the production verifier, so every request cross-checks the two.
 *
 * <p>Unlike an SDK it can break every rule on purpose: drop or blank any common parameter, choose the timestamp and
 * nonce, sign with the wrong secret, send a wrong payload hash or an arbitrary Authorization header, use any HTTP
 * method, put parameters in the query or in a form body (or split them), and choose {@code Format} and {@code Accept}.
 *
 * <pre>{@code
 * RpcResponse response = new RpcClient(port).v1(key).action("UntagResources")
 *         .param("RegionId", "cn-hangzhou").param("ResourceType", "instance").param("ResourceId.1", "i-1")
 *         .param("TagKey.1", "env").send();
 * }</pre>
 */
public final class RpcClient {

    /** The API version of every call unless a test sets another. */
    public static final String API_VERSION = TestSigner.API_VERSION;

    private static final String FORM = "application/x-www-form-urlencoded";
    /** Headers {@link HttpClient} sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private final String host;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A client for the service on {@code 127.0.0.1:port}. */
    public RpcClient(int port) {
        this.host = "127.0.0.1:" + port;
    }

    /** {@code 127.0.0.1:port}: the Host header every request carries, and what V3 requests sign as {@code host}. */
    public String host() {
        return host;
    }

    public V1Call v1(IssuedAccessKey key) {
        return v1(key.accessKeyId(), key.accessKeySecret());
    }

    /** A V1 call signed with this AccessKey and secret (a wrong secret gives a signature the service refuses). */
    public V1Call v1(String accessKeyId, String accessKeySecret) {
        return new V1Call(TestSigner.v1(accessKeyId, accessKeySecret));
    }

    public V3Call v3(IssuedAccessKey key) {
        return v3(key.accessKeyId(), key.accessKeySecret());
    }

    /** A V3 call as the Tea SDK sends it: POST, business parameters in the query, Action/Version in headers. */
    public V3Call v3(String accessKeyId, String accessKeySecret) {
        return new V3Call(TestSigner.v3(accessKeyId, accessKeySecret).header("host", host));
    }

    /**
     * Sends exactly this request to {@code /}.
     *
     * @param rawQuery the already percent-encoded query string, or empty
     * @param headers  by name; {@code host} and {@code content-length} are left to the HTTP client
     * @param body     the body bytes; empty sends none
     */
    public RpcResponse send(String method, String rawQuery, Map<String, String> headers, byte[] body) {
        URI uri = URI.create("http://" + host + "/" + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new RpcResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + uri, e);
        }
    }

    /**
     * A V1 (HMAC-SHA1) request: the common parameters ({@code Format=JSON}, {@code Version}, {@code AccessKeyId},
     * {@code SignatureMethod}, {@code SignatureVersion}, a fresh {@code SignatureNonce}, the current
     * {@code Timestamp}) are preset; every parameter, {@code Signature} included, goes in the query unless moved to
     * a form body. The signature is computed when the call is sent, over whatever the parameters are then.
     */
    public final class V1Call {

        private final TestSigner.V1 signer;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> bodyParameters = new LinkedHashSet<>();
        private boolean everyParameterInBody;

        private V1Call(TestSigner.V1 signer) {
            this.signer = signer;
        }

        public V1Call action(String action) {
            return param("Action", action);
        }

        /** Sets a parameter, common ones included; null removes it (sends none). */
        public V1Call param(String name, String value) {
            signer.param(name, value);
            return this;
        }

        public V1Call params(Map<String, String> values) {
            values.forEach(this::param);
            return this;
        }

        /** Removes a parameter, a common one such as {@code Timestamp} included. */
        public V1Call drop(String name) {
            return param(name, null);
        }

        /** The HTTP method, signed as the first part of the string to sign. Default GET. */
        public V1Call method(String method) {
            signer.method(method);
            return this;
        }

        public V1Call timestamp(Instant instant) {
            signer.timestamp(instant);
            return this;
        }

        /** A Timestamp sent verbatim, malformed or not. */
        public V1Call timestamp(String timestamp) {
            return param("Timestamp", timestamp);
        }

        public V1Call nonce(String nonce) {
            signer.nonce(nonce);
            return this;
        }

        /** {@code Format}: JSON unless set; null sends none (the service then negotiates from {@code Accept}). */
        public V1Call format(String format) {
            return param("Format", format);
        }

        public V1Call accept(String accept) {
            return header("Accept", accept);
        }

        /** Sends this header; null removes it. */
        public V1Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** Sends this {@code Signature} instead of the computed one; null sends no Signature. */
        public V1Call signature(String signature) {
            signer.signature(signature);
            return this;
        }

        /** False signs like the Tea SDK's v2 path: empty-valued parameters are sent but left out of the signature. */
        public V1Call signEmptyValues(boolean signEmptyValues) {
            signer.signEmptyValues(signEmptyValues);
            return this;
        }

        /** POST with every parameter, Signature included, in a form body and none in the query (as pop-core). */
        public V1Call inFormBody() {
            everyParameterInBody = true;
            return method("POST");
        }

        /** POST with these parameters in a form body and the rest in the query. */
        public V1Call inFormBody(String... names) {
            bodyParameters.addAll(List.of(names));
            return method("POST");
        }

        /** The string to sign as the SDKs build it (empty values included unless {@link #signEmptyValues} false). */
        public String stringToSign() {
            return signer.stringToSign();
        }

        /** Every parameter as it will be sent, Signature included. */
        public Map<String, String> parameters() {
            return signer.signedParameters();
        }

        public RpcResponse send() {
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> body = new LinkedHashMap<>();
            signer.signedParameters().forEach((name, value) -> {
                if (everyParameterInBody || bodyParameters.contains(name)) {
                    body.put(name, value);
                } else {
                    query.put(name, value);
                }
            });
            Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
            if (!body.isEmpty() && sentHeaders.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
                sentHeaders.put("Content-Type", FORM);
            }
            byte[] bodyBytes = body.isEmpty() ? new byte[0] : TestSigner.encode(body).getBytes(StandardCharsets.UTF_8);
            return RpcClient.this.send(signer.method(), TestSigner.encode(query), sentHeaders, bodyBytes);
        }
    }

    /**
     * A V3 (ACS3-HMAC-SHA256) request as the Tea SDK sends it: POST, business parameters in the query,
     * {@code x-acs-action}, {@code x-acs-version}, {@code x-acs-date}, {@code x-acs-signature-nonce},
     * {@code x-acs-content-sha256} and {@code host} signed. No {@code Format}: the service answers JSON.
     */
    public final class V3Call {

        private final TestSigner.V3 signer;

        private V3Call(TestSigner.V3 signer) {
            this.signer = signer;
        }

        /** {@code x-acs-action}; null sends none. */
        public V3Call action(String action) {
            signer.header("x-acs-action", action);
            return this;
        }

        /** {@code x-acs-version}; null sends none. */
        public V3Call version(String version) {
            signer.header("x-acs-version", version);
            return this;
        }

        /** Sets a query parameter (signed in the canonical query); null removes it. */
        public V3Call param(String name, String value) {
            signer.query(name, value);
            return this;
        }

        public V3Call params(Map<String, String> values) {
            values.forEach(this::param);
            return this;
        }

        /** Sets a header, signed if it is {@code host}, {@code content-type} or {@code x-acs-*}; null removes it. */
        public V3Call header(String name, String value) {
            signer.header(name, value);
            return this;
        }

        /** A header sent but not signed. */
        public V3Call unsignedHeader(String name, String value) {
            signer.unsignedHeader(name, value);
            return this;
        }

        public V3Call date(Instant instant) {
            signer.date(instant);
            return this;
        }

        /** An {@code x-acs-date} sent verbatim, malformed or not; null sends none. */
        public V3Call date(String date) {
            signer.header("x-acs-date", date);
            return this;
        }

        /** {@code x-acs-signature-nonce}; null sends none. */
        public V3Call nonce(String nonce) {
            signer.header("x-acs-signature-nonce", nonce);
            return this;
        }

        /** Signs and sends this {@code x-acs-content-sha256} instead of the body's hash; null sends none. */
        public V3Call contentSha256(String contentSha256) {
            signer.contentSha256(contentSha256);
            return this;
        }

        /** A form body of these parameters, covered by the payload hash only. */
        public V3Call formBody(Map<String, String> parameters) {
            signer.formBody(parameters);
            return this;
        }

        public V3Call body(byte[] body, String contentType) {
            signer.body(body, contentType);
            return this;
        }

        /** Sends this Authorization header instead of the computed one. */
        public V3Call authorization(String authorization) {
            signer.authorization(authorization);
            return this;
        }

        /** Default POST. */
        public V3Call method(String method) {
            signer.method(method);
            return this;
        }

        public V3Call accept(String accept) {
            return unsignedHeader("accept", accept);
        }

        public String authorizationHeader() {
            return signer.authorizationHeader();
        }

        public RpcResponse send() {
            return RpcClient.this.send(signer.method(), signer.queryString(), signer.headers(), signer.body());
        }
    }
}
