package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @Test
    void keepsUnreservedCharactersAndEncodesEveryOtherUtf8ByteInUpperCaseHex() {
        assertThat(PercentEncoding.encode("aZ09-_.~")).isEqualTo("aZ09-_.~");
        assertThat(PercentEncoding.encode("a b+c*d/e")).isEqualTo("a%20b%2Bc%2Ad%2Fe");
        assertThat(PercentEncoding.encode("键")).isEqualTo("%E9%94%AE");
    }

    /** V1 writes the canonicalized query encoded twice in one pass; it must be exactly encode(encode(value)). */
    @ParameterizedTest
    @ValueSource(strings = {"", "TagKey.1", "a b", "100%", "k=v&x", "键:值/~*+", "\u0001\u007f", "😀"})
    void encodingTwiceInOnePassIsEncodingTheEncoding(String value) {
        var twice = new StringBuilder();
        PercentEncoding.appendEncodedTwice(twice, value);

        assertThat(twice.toString()).isEqualTo(PercentEncoding.encode(PercentEncoding.encode(value)));
    }
}
