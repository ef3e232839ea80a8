package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ecstags.support.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6, item 6: whatever arrives at the edge is answered in the API's envelope (JSON or XML, RequestId in the
 * header and the body): requests as large as an SDK sends are served in every transport; larger, malformed or
 * odd ones get the API's own codes, never Tomcat's HTML page or Spring's JSON; {@code /error} and unknown paths
 * never 500.
 */
class EdgeErrorsTest extends ContractTestSupport {

    static final String XML = "text/xml;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";

    /** 128 characters of three UTF-8 bytes each: nine bytes apiece once percent-encoded. */
    static final String CJK_128 = "标签键值".repeat(32);

    @Autowired
    MeterRegistry meters;

    RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    /** 20 tags whose keys and values are 128 CJK characters each (the 20th to 1st differ in their last one). */
    static Map<String, String> twentyCjkTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            String suffix = Character.toString(0x4E00 + i);
            tags.put(CJK_128.substring(1) + suffix, CJK_128.substring(1) + suffix);
        }
        return tags;
    }

    @Nested
    class LargeSdkRequestsAreServed {

        @Test
        void twentyCjkTagsInAV3Query() {
            var key = newNormalKey();
            String id = newInstance(key.accountId());
            var call = rpc.v3(key).action("TagResources").param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", id).params(tags(twentyCjkTags()));

            assertSucceeded(call.send());
            assertThat(tagRows(key.accountId())).hasSize(20);
        }

        @Test
        void twentyCjkTagsInAV1Get() {
            var key = newNormalKey();
            String id = newInstance(key.accountId());
            var call = tagResources(key).param("ResourceId.1", id).params(tags(twentyCjkTags()));

            assertSucceeded(call.send());
            assertThat(tagRows(key.accountId())).hasSize(20);
        }
    }

    /**
     * Requests that never reach an action, sent as raw bytes: what is wrong with each, the request, and the status,
     * code and content type the edge answers with (XML unless the query asks for JSON).
     */
    static Stream<Arguments> refusedRequests() {
        var oddMethods = Stream.of("TRACE", "PROPFIND", "MKCOL", "CONNECT2").map(method -> arguments(
                "the method " + method,
                method + " /?Action=UntagResources HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                403, "UnsupportedHTTPMethod", XML));
        var unknownPaths = Stream.of("/error", "/nope", "/index.html", "/v1/UntagResources").map(path -> arguments(
                "the unknown path " + path,
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                404, "InvalidAction.NotFound", XML));
        var others = Stream.of(
                arguments("an unknown path, the answer asked for in JSON",
                        "POST /error?Format=JSON HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                        404, "InvalidAction.NotFound", JSON),
                arguments("a malformed request line", "GET /a b c HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        400, "MalformedRequest", XML),
                arguments("a malformed percent-encoding in the path", "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        400, "MalformedRequest", XML),
                arguments("a bad chunk", "POST /?Format=JSON HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n",
                        400, "MalformedRequest", JSON),
                arguments("headers larger than the limit", "GET /?Action=UntagResources HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nX-Long: " + "a".repeat(200 * 1024) + "\r\n\r\n",
                        431, "RequestHeaderTooLarge", XML),
                arguments("a query larger than the limit", "GET /?Action=" + "a".repeat(200 * 1024) + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n\r\n",
                        431, "RequestHeaderTooLarge", XML));
        return Stream.of(oddMethods, unknownPaths, others).flatMap(requests -> requests);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aRequestThatReachesNoActionIsAnsweredInTheEnvelope(String what, String request, int status, String code,
            String contentType) {
        var response = raw.exchange(request);

        assertError(response, status, code);
        assertThat(response.contentType()).isEqualTo(contentType);
        if (contentType.equals(XML)) {
            assertThat(response.xmlRootElement()).isEqualTo("Error");
        }
    }

    @Test
    void traceEchoesNothing() {
        var response = raw.exchange("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Secret: do-not-echo\r\n"
                + "Connection: close\r\n\r\n");

        assertError(response, 403, "UnsupportedHTTPMethod");
        assertThat(response.body()).doesNotContain("do-not-echo");
    }

    @Nested
    class OversizedBodies {

        @Test
        void aDeclaredLengthOverTheLimitIsRefusedUnread() {
            var response = raw.exchange("POST /?Format=JSON HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\nAction=");

            assertError(response, 413, "RequestBodyTooLarge");
            assertThat(response.contentType()).isEqualTo(JSON);
        }

        @Test
        void aChunkedBodyThatGrowsOverTheLimit() {
            var request = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
            String chunk = "a".repeat(64 * 1024);
            for (int i = 0; i < 20; i++) {
                request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            request.append("0\r\n\r\n");

            var response = raw.exchange(request.toString().getBytes(StandardCharsets.US_ASCII));

            assertError(response, 413, "RequestBodyTooLarge");
        }

        @Test
        void aSignedCallWithAnOversizedBodyIsNeverMissingParameter() {
            var key = newNormalKey();
            var call = untag(key).param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env")
                    .param("Padding", "x".repeat(1_100_000)).inFormBody();

            assertError(call.send(), 413, "RequestBodyTooLarge");
        }

        /** Precedence: the request must arrive whole before any rule, the method's included, is checked. */
        @Test
        void comesBeforeTheMethod() {
            var response = raw.exchange("PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n");

            assertError(response, 413, "RequestBodyTooLarge");
        }

        @Test
        void isCountedUnderItsOwnCode() {
            double before = errorsCounted("RequestBodyTooLarge");

            raw.exchange("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000000\r\n\r\n");

            assertThat(errorsCounted("RequestBodyTooLarge")).isEqualTo(before + 1);
        }
    }

    @Nested
    class LateBodies {

        /** The deadline is the default 10 s here; SlowClientsTest has many slow sockets and a short deadline. */
        @Test
        void aBodyThatStallsIsAnsweredRequestTimeoutAndItsConnectionClosed() throws Exception {
            try (var socket = raw.open(("POST /?Format=JSON HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\nAction=")
                    .getBytes(StandardCharsets.US_ASCII), 60_000)) {
                var response = RawHttp.read(socket);

                assertError(response, 408, "RequestTimeout");
                assertThat(response.contentType()).isEqualTo(JSON);
                assertThat(RawHttp.closedByServer(socket)).isTrue();
            }
        }
    }

    @Nested
    class SignatureDoesNotMatchEcho {

        @Test
        void aLargeRequestsStringToSignIsTruncatedClearly() {
            var key = newNormalKey();
            var call = rpc.v1(key.accessKeyId(), "not-the-secret").action("UntagResources")
                    .param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", newInstance(key.accountId())).param("TagKey.1", "env")
                    .param("Padding", "é".repeat(100_000)).inFormBody();

            var response = assertError(call.send(), 400, "SignatureDoesNotMatch");

            assertThat(response.body().length()).isLessThan(10 * 1024);
            assertThat(response.message()).contains("server string to sign is:POST&%2F&")
                    .endsWith("[truncated: the string to sign has " + call.stringToSign().length() + " characters]");
        }
    }

    double errorsCounted(String code) {
        var counter = meters.find("ecs.tag.api.errors").tag("code", code).counter();
        return counter == null ? 0 : counter.count();
    }
}
