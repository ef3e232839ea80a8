package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.TestIds;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT.md §2 and §5 on the error body itself, for failures from every stage (transport, authentication, the
 * action's checks) in every way of choosing the format: RequestId (an upper-case UUID, the same in the body and in
 * {@code x-acs-request-id}), HostId, Code and Message; the exact content type; a flat JSON object or an XML
 * {@code <Error>} root; nothing of the service's internals.
 */
class ErrorResponseFormatTest extends ContractTestSupport {

    private static final String JSON = "application/json;charset=utf-8";
    private static final String XML = "text/xml;charset=utf-8";

    /** One broken rule, from each stage of the checks. */
    enum Failure {
        UNSUPPORTED_METHOD(403, "UnsupportedHTTPMethod"),
        MISSING_COMMON_PARAMETER(400, "MissingParameter"),
        WRONG_SIGNATURE(400, "SignatureDoesNotMatch"),
        MISSING_TAGS(404, "MissingParameter.Tags"),
        UNKNOWN_RESOURCE(404, "InvalidResourceId.NotFound");

        final int status;
        final String code;

        Failure(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    /** How the caller chooses the format, and the content type that choice must get. */
    enum Transport {
        V1_FORMAT_JSON(JSON),
        V1_FORMAT_XML_LOWER_CASE(XML),
        V1_NO_FORMAT_NO_ACCEPT(XML),
        V1_NO_FORMAT_ACCEPT_JSON(JSON),
        V1_NO_FORMAT_ACCEPT_XML(XML),
        V3_NO_FORMAT(JSON),
        V3_FORMAT_XML(XML);

        final String contentType;

        Transport(String contentType) {
            this.contentType = contentType;
        }

        boolean v3() {
            return name().startsWith("V3");
        }
    }

    static Stream<Arguments> everyFailureInEveryFormat() {
        return Arrays.stream(Failure.values())
                .flatMap(failure -> Arrays.stream(Transport.values())
                        .map(transport -> Arguments.of(failure, transport)));
    }

    RpcResponse send(Failure failure, Transport transport) {
        var key = newNormalKey();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("RegionId", REGION);
        parameters.put("ResourceType", TYPE);
        parameters.put("ResourceId.1", failure == Failure.UNKNOWN_RESOURCE
                ? TestIds.instance()
                : newInstance(key.accountId()));
        if (failure != Failure.MISSING_TAGS) {
            parameters.put("TagKey.1", "env");
        }
        String secret = failure == Failure.WRONG_SIGNATURE ? "wrong" + key.accessKeySecret() : key.accessKeySecret();

        if (transport.v3()) {
            var call = rpc.v3(key.accessKeyId(), secret).action("UntagResources").params(parameters);
            if (transport == Transport.V3_FORMAT_XML) {
                call.param("Format", "XML");
            }
            if (failure == Failure.UNSUPPORTED_METHOD) {
                call.method("PUT");
            }
            if (failure == Failure.MISSING_COMMON_PARAMETER) {
                call.date((String) null);
            }
            return call.send();
        }
        var call = rpc.v1(key.accessKeyId(), secret).action("UntagResources").params(parameters);
        switch (transport) {
            case V1_FORMAT_JSON -> call.format("JSON");
            case V1_FORMAT_XML_LOWER_CASE -> call.format("xml");
            case V1_NO_FORMAT_NO_ACCEPT -> call.format(null);
            case V1_NO_FORMAT_ACCEPT_JSON -> call.format(null).accept("application/json");
            case V1_NO_FORMAT_ACCEPT_XML -> call.format(null).accept("application/xml");
            default -> throw new IllegalArgumentException(transport.name());
        }
        if (failure == Failure.UNSUPPORTED_METHOD) {
            call.method("PUT");
        }
        if (failure == Failure.MISSING_COMMON_PARAMETER) {
            call.drop("Timestamp");
        }
        return call.send();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyFailureInEveryFormat")
    void theErrorBody(Failure failure, Transport transport) {
        var response = send(failure, transport);

        assertError(response, failure.status, failure.code);
        assertThat(response.contentType()).as("Content-Type of %s", response).isEqualTo(transport.contentType);
        assertThat(response.hostId()).as("HostId of %s", response).isIn("127.0.0.1", rpc.host());
        assertThat(response.message()).as("Message of %s", response).isNotBlank();
        if (transport.contentType.equals(XML)) {
            assertThat(response.isXml()).as("an XML body: %s", response).isTrue();
            assertThat(response.xmlRootElement()).isEqualTo("Error");
        } else {
            assertThat(response.isXml()).as("a JSON body: %s", response).isFalse();
            assertThat(response.tree().isObject()).isTrue();
            response.tree().properties().forEach(field -> assertThat(field.getValue().isValueNode())
                    .as("%s is a flat field of %s", field.getKey(), response).isTrue());
        }
        assertThat(response.fields().keySet()).as("fields of %s", response)
                .contains("RequestId", "HostId", "Code", "Message")
                .isSubsetOf("RequestId", "HostId", "Code", "Message", "Recommend");
        assertThat(response.body()).as("internals in %s", response)
                .doesNotContain("Exception", "dev.ecstags", "java.", "org.springframework", "select ", "SQL");
    }

    @Test
    void everyErrorHasAFreshRequestId() {
        var call = untag(newNormalKey()).param("ResourceId.1", TestIds.instance()).param("TagKey.1", "env");

        var first = call.nonce(TestIds.nonce()).send();
        var second = call.nonce(TestIds.nonce()).send();

        assertError(first, Documented.RESOURCE_NOT_FOUND);
        assertError(second, Documented.RESOURCE_NOT_FOUND);
        assertThat(first.requestId()).isNotEqualTo(second.requestId());
    }

    @Test
    void theXmlErrorCarriesItsFieldsAsChildElementsOfError() {
        var response = untag(newNormalKey()).format("XML").param("ResourceId.1", TestIds.instance())
                .param("TagKey.1", "env").send();

        assertError(response, Documented.RESOURCE_NOT_FOUND);
        assertThat(response.body()).contains("<Error>", "<Code>InvalidResourceId.NotFound</Code>",
                "<RequestId>" + response.requestIdHeader() + "</RequestId>", "<HostId>", "<Message>", "</Error>");
    }

    @Test
    void aSeedErrorReadsTheSameInBothFormats() {
        var key = newNormalKey();
        List<RpcResponse> responses = Stream.of("JSON", "XML")
                .map(format -> untag(key).format(format).param("ResourceId.1", TestIds.instance())
                        .param("TagKey.1", "env").send())
                .toList();

        responses.forEach(response -> assertError(response, Documented.RESOURCE_NOT_FOUND));
        assertThat(responses.get(0).contentType()).isEqualTo(JSON);
        assertThat(responses.get(1).contentType()).isEqualTo(XML);
    }
}
