package dev.ecstags.support;

import dev.ecstags.auth.IssuedAccessKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The raw HTTP transport to the RPC endpoint of the service under test: {@link #v1} and {@link #v3} start a
 * {@link TestSigner} request that {@code send()} delivers here, and {@link #send} sends any bytes at all.
 */
public final class RpcClient {

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

    public TestSigner.V1 v1(IssuedAccessKey key) {
        return v1(key.accessKeyId(), key.accessKeySecret());
    }

    /** A V1 call signed with this AccessKey and secret (a wrong secret gives a signature the service refuses). */
    public TestSigner.V1 v1(String accessKeyId, String accessKeySecret) {
        return new TestSigner.V1(accessKeyId, accessKeySecret, this);
    }

    public TestSigner.V3 v3(IssuedAccessKey key) {
        return v3(key.accessKeyId(), key.accessKeySecret());
    }

    /** A V3 call as the Tea SDK sends it: POST, business parameters in the query, Action/Version in headers. */
    public TestSigner.V3 v3(String accessKeyId, String accessKeySecret) {
        return new TestSigner.V3(accessKeyId, accessKeySecret, this);
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
}
