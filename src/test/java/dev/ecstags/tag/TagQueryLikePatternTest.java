package dev.ecstags.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TagFilter patterns as SQL LIKE patterns (escape character {@code \}): only a leading or trailing * is a wildcard. */
class TagQueryLikePatternTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "env     | env",
            "env*    | env%",
            "*env    | %env",
            "*env*   | %env%",
            "*       | %",
            "**      | %%",
            "e*v     | e*v",
            "***     | %*%",
            "\"\"    | \"\"",
            "50%     | 50\\%",
            "a_b*    | a\\_b%",
            "c:\\d   | c:\\\\d",
            "*%_\\*  | %\\%\\_\\\\%",
    })
    void onlyALeadingOrTrailingStarIsAWildcardAndLikeCharactersAreEscaped(String pattern, String like) {
        assertThat(TagQuery.likePattern(pattern)).isEqualTo(like);
    }
}
