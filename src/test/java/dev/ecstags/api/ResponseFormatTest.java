package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.SignedRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer's format: the Format parameter by name, else V3 or an Accept preferring JSON, else XML. */
class ResponseFormatTest {

    @Test
    void formatIsNamedInAnyCase() {
        assertThat(ResponseFormat.named("json")).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.named("JSON")).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.named("Xml")).isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.named("yaml")).isNull();
        assertThat(ResponseFormat.named("")).isNull();
    }

    @Test
    void theContentTypesAreExactlyWhatTheSdksCompare() {
        assertThat(ResponseFormat.JSON.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(ResponseFormat.XML.contentType()).isEqualTo("text/xml;charset=utf-8");
    }

    @Test
    void withoutAcceptV1GetsXmlAndV3GetsJson() {
        assertThat(ResponseFormat.negotiated(request(Map.of()))).isEqualTo(ResponseFormat.XML);
        assertThat(ResponseFormat.negotiated(request(Map.of("authorization", "ACS3-HMAC-SHA256 Credential=x"))))
                .isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.negotiated(request(Map.of("authorization", "Bearer x"))))
                .isEqualTo(ResponseFormat.XML);
    }

    @Test
    void acceptDecidesByItsMostPreferredConcreteType() {
        assertThat(negotiatedFor("application/json")).isEqualTo(ResponseFormat.JSON);
        assertThat(negotiatedFor("text/json")).isEqualTo(ResponseFormat.JSON);
        assertThat(negotiatedFor("application/problem+json")).isEqualTo(ResponseFormat.JSON);
        assertThat(negotiatedFor("application/xml")).isEqualTo(ResponseFormat.XML);
        assertThat(negotiatedFor("application/xml;q=0.9, application/json")).isEqualTo(ResponseFormat.JSON);
        assertThat(negotiatedFor("application/json;q=0.5, text/xml")).isEqualTo(ResponseFormat.XML);
        assertThat(negotiatedFor("*/*, application/json;q=0.1")).isEqualTo(ResponseFormat.JSON);
        assertThat(negotiatedFor("*/*")).isEqualTo(ResponseFormat.XML);
        assertThat(negotiatedFor("application/*")).isEqualTo(ResponseFormat.XML);
        assertThat(negotiatedFor("")).isEqualTo(ResponseFormat.XML);
        assertThat(negotiatedFor("not a media type;;;")).isEqualTo(ResponseFormat.XML);
    }

    private static ResponseFormat negotiatedFor(String accept) {
        return ResponseFormat.negotiated(request(Map.of("accept", accept)));
    }

    private static SignedRequest request(Map<String, String> headers) {
        return new SignedRequest("GET", Map.of(), Map.of(), new HashMap<>(headers), new byte[0]);
    }
}
