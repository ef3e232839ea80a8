package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.tag.TagPage;
import dev.ecstags.tag.TaggedResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The exact bytes of every response body, JSON and XML, against golden files in
 * {@code src/test/resources/golden/}: these are what the SDKs parse (wrapped lists, PascalCase, raw UTF-8, an XML
 * declaration, the action's root element). After a deliberate change, rewrite them with
 * {@code ./mvnw test -Dtest=RpcRendererGoldenTest -Dgolden.update=true} and review the diff.
 */
class RpcRendererGoldenTest {

    private static final String REQUEST_ID = "C46FF5A8-C5F0-4024-8262-B16B639225A0";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final RpcRenderer renderer = new RpcRenderer();

    static Stream<Arguments> bodies() {
        var page = new TagPage(List.of(
                new TaggedResource("i-bp1j6qtvdm8w0z1o0001", "instance", "env", "prod"),
                new TaggedResource("i-bp1j6qtvdm8w0z1o0001", "instance", "k\u00e9 \"<&>\"", ""),
                new TaggedResource("i-bp1j6qtvdm8w0z1o0002", "instance", "\u56e2\u961f", "\u4e2d\u6587\ttab")),
                "aS1icDFqNnF0dm04dzB6MW8wMDAyAOWboumYnw.qLXAmx3OzR2mAhvDk2Y-6g");
        var lastPage = new TagPage(List.of(), "");
        var error = new RpcResponses.Error(REQUEST_ID, "ecs.example.com", "InvalidParameter",
                "The specified parameter \"ResourceId.x\" is not valid.");
        return Stream.of(
                Arguments.of("UntagResources", 200, new RpcResponses.RequestIdOnly(REQUEST_ID)),
                Arguments.of("TagResources", 200, new RpcResponses.RequestIdOnly(REQUEST_ID)),
                Arguments.of("ListTagResources", 200, RpcResponses.TagResourcesPage.of(REQUEST_ID, page)),
                Arguments.of("ListTagResources-last-page", 200, RpcResponses.TagResourcesPage.of(REQUEST_ID, lastPage)),
                Arguments.of("Error", 400, error));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void jsonBodyIsByteForByteTheGoldenOne(String name, int status, Object body) throws IOException {
        assertGolden(name, status, body, ResponseFormat.JSON, ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void xmlBodyIsByteForByteTheGoldenOne(String name, int status, Object body) throws IOException {
        assertGolden(name, status, body, ResponseFormat.XML, ".xml");
    }

    private void assertGolden(String name, int status, Object body, ResponseFormat format, String extension)
            throws IOException {
        var http = new MockHttpServletRequest("GET", "/");
        var exchange = RpcExchange.start(http);
        exchange.respondIn(format);
        String root = name.equals("Error") ? "Error" : name.replace("-last-page", "") + "Response";

        var response = new MockHttpServletResponse();
        renderer.write(response, exchange, status, root, body);

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getHeader(HttpHeaders.CONTENT_TYPE)).isEqualTo(format.contentType());
        assertThat(response.getHeader(RpcRenderer.REQUEST_ID_HEADER)).isEqualTo(exchange.requestId());
        byte[] actual = response.getContentAsByteArray();
        assertThat(response.getContentLength()).isEqualTo(actual.length);
        String file = name + extension;
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(GOLDEN.resolve(file), actual);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8)).as("golden/%s (rewrite with -Dgolden.update=true)", file)
                .isEqualTo(new String(golden(file), StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(golden(file));
    }

    private static byte[] golden(String file) throws IOException {
        Path path = GOLDEN.resolve(file);
        assertThat(path).as("create it with -Dgolden.update=true").exists();
        return Files.readAllBytes(path);
    }
}
