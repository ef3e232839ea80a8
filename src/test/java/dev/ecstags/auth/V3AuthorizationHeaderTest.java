package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V3AuthorizationHeaderTest {

    @Test
    void teaOrderIsParsed() {
        assertThat(V3Signature.parseAuthorization(
                "ACS3-HMAC-SHA256 Credential=LTAIkey,SignedHeaders=host;x-acs-date,Signature=abc"))
                .contains(new V3Authorization("LTAIkey", List.of("host", "x-acs-date"), "abc"));
    }

    @Test
    void fieldsInAnyOrderWithSpacesAroundThemAreParsed() {
        assertThat(V3Signature.parseAuthorization(
                "ACS3-HMAC-SHA256 Signature=abc, Credential=LTAIkey ,  SignedHeaders=Content-Type;x-acs-date"))
                .contains(new V3Authorization("LTAIkey", List.of("content-type", "x-acs-date"), "abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ACS3-HMAC-SM3 Credential=LTAIkey,SignedHeaders=host,Signature=abc",
            "ACS3-RSA-SHA256 Credential=LTAIkey,SignedHeaders=host,Signature=abc",
            "ACS3-HMAC-SHA256",
            "ACS3-HMAC-SHA256Credential=LTAIkey,SignedHeaders=host,Signature=abc",
            "ACS3-HMAC-SHA256 SignedHeaders=host,Signature=abc",
            "ACS3-HMAC-SHA256 Credential=LTAIkey,Signature=abc",
            "ACS3-HMAC-SHA256 Credential=LTAIkey,SignedHeaders=host",
            "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=abc",
            "ACS3-HMAC-SHA256 Credential=LTAIkey,SignedHeaders=host;;x-acs-date,Signature=abc",
            "ACS3-HMAC-SHA256 Credential=LTAIkey,SignedHeaders=host,Signature=abc,Signature=def",
            "ACS3-HMAC-SHA256 Credential=LTAIkey SignedHeaders=host Signature=abc",
    })
    void malformedOrOtherAlgorithmsAreRefused(String header) {
        assertThat(V3Signature.parseAuthorization(header)).isEmpty();
    }
}
