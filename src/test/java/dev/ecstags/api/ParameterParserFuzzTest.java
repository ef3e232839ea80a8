package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Coverage-guided fuzzing of the parameter parser: any query string and body, in any content type, is read
 * ({@link RpcRequest}) and its repeat lists gathered ({@link RpcParameters}) without an uncaught exception; the
 * only refusal is InvalidParameter, and what the parser hands on keeps its promises (indexes in range).
 *
 * <p>{@code ./mvnw verify} replays the corpus in {@code ParameterParserFuzzTestInputs}, then fuzzes for
 * {@code fuzz.duration} (see README, Fuzzing).
 */
class ParameterParserFuzzTest {

    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "APPLICATION/X-WWW-FORM-URLENCODED",
            "application/json", "text/plain");

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"ResourceId.", "Tag.", ".Key=", ".Value=", "TagFilter.", ".TagKey=", ".TagValues.", "TagKey.",
            "All=", "true", "%00", "%", "&", "=", "+", "0", "00000000001", "99999999999999999999", "..", "%C3%A9"})
    void anyQueryAndBodyIsReadOrRefusedAsInvalidParameter(FuzzedDataProvider data) throws IOException {
        var http = new MockHttpServletRequest(data.pickValue(List.of("GET", "POST")), "/");
        String query = data.consumeString(4000);
        http.setQueryString(query.isEmpty() ? null : query);
        http.setContentType(data.pickValue(CONTENT_TYPES));
        byte[] body = data.consumeRemainingAsBytes();
        if (body.length > 0) {
            http.setContent(body);
        }

        var read = RpcRequest.read(http);
        var parameters = new RpcParameters(read.signed().parameters());

        refusedOnlyAsInvalidParameter(() -> assertThat(parameters.resourceIds().keySet()).allMatch(n -> n >= 1));
        refusedOnlyAsInvalidParameter(() -> assertThat(parameters.list("TagKey").keySet()).allMatch(n -> n >= 0));
        refusedOnlyAsInvalidParameter(() -> parameters.tags().values()
                .forEach(tag -> assertThat(tag.key() != null || tag.value() != null).isTrue()));
        refusedOnlyAsInvalidParameter(() -> parameters.tagFilters().forEach((n, filter) -> {
            assertThat(n).isBetween(1, 5);
            assertThat(filter.tagValues().keySet()).allMatch(m -> m >= 1 && m <= 5);
        }));
        refusedOnlyAsInvalidParameter(() -> parameters.flag("All"));
    }

    private static void refusedOnlyAsInvalidParameter(Runnable parse) {
        try {
            parse.run();
        } catch (ApiException refusal) {
            assertThat(refusal.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        }
    }
}
