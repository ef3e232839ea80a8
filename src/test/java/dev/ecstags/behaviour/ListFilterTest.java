package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ListTagResources' selectors: Tag.N (exact, ANDed, a key alone matches any value), TagFilter.N (patterns, values
 * ORed), ResourceId.N, and combinations. A matching resource is listed with every one of its tags.
 */
class ListFilterTest extends TagBehaviourTest {

    private Account account;
    private String blueProd;
    private String redProd;
    private String test;
    private String staging;
    private String canvas;

    @BeforeEach
    void tagSomeResources() {
        account = newAccount();
        blueProd = instanceOf(account);
        redProd = instanceOf(account);
        test = instanceOf(account);
        staging = instanceOf(account);
        canvas = instanceOf(account);
        assertOk(tag(account.key(), Parameters.instances(blueProd).tags("env", "prod", "team", "blue")));
        assertOk(tag(account.key(), Parameters.instances(redProd).tags("env", "prod", "team", "red")));
        assertOk(tag(account.key(), Parameters.instances(test).tags("env", "test", "owner", "")));
        assertOk(tag(account.key(), Parameters.instances(staging).tags("environment", "staging")));
        assertOk(tag(account.key(), Parameters.instances(canvas).tags("canvas", "production")));
    }

    @Test
    void aTagKeyAloneMatchesAnyValue() {
        assertThat(listed(Parameters.anyInstance().tags("env", null))).containsOnlyKeys(blueProd, redProd, test);
    }

    @Test
    void matchingResourcesAreListedWithAllTheirTags() {
        assertThat(listed(Parameters.anyInstance().tags("team", "blue")))
                .isEqualTo(Map.of(blueProd, Map.of("env", "prod", "team", "blue")));
        assertThat(listed(Parameters.anyInstance().tags("owner", "")))
                .isEqualTo(Map.of(test, Map.of("env", "test", "owner", "")));
    }

    @Test
    void tagPairsAreAndedAndValuesMatchExactly() {
        assertThat(listed(Parameters.anyInstance().tags("env", "prod", "team", "red"))).containsOnlyKeys(redProd);
        assertThat(listed(Parameters.anyInstance().tags("env", null, "team", null))).containsOnlyKeys(blueProd,
                redProd);
        assertThat(listed(Parameters.anyInstance().tags("env", "test", "team", null))).isEmpty();
        assertThat(listed(Parameters.anyInstance().tags("env", "pro"))).isEmpty();
        assertThat(listed(Parameters.anyInstance().tags("env", "prod*"))).isEmpty();
    }

    @Test
    void tagFilterKeysMatchByPrefixInfixOrExactly() {
        assertThat(listed(Parameters.anyInstance().tagFilter("env*"))).containsOnlyKeys(blueProd, redProd, test,
                staging);
        assertThat(listed(Parameters.anyInstance().tagFilter("*nv*")))
                .containsOnlyKeys(blueProd, redProd, test, staging, canvas);
        assertThat(listed(Parameters.anyInstance().tagFilter("env"))).containsOnlyKeys(blueProd, redProd, test);
    }

    @Test
    void tagFilterValuesAreOredAndMayBePatterns() {
        assertThat(listed(Parameters.anyInstance().tagFilter("env", "prod", "te*"))).containsOnlyKeys(blueProd, redProd,
                test);
        assertThat(listed(Parameters.anyInstance().tagFilter("env", "*ro*"))).containsOnlyKeys(blueProd, redProd);
        assertThat(listed(Parameters.anyInstance().tagFilter("env", "staging"))).isEmpty();
    }

    @Test
    void severalTagFiltersAreAnded() {
        assertThat(listed(Parameters.anyInstance().tagFilter("env", "prod").tagFilter("team", "bl*")))
                .containsOnlyKeys(blueProd);
        assertThat(listed(Parameters.anyInstance().tagFilter("env*").tagFilter("team")))
                .containsOnlyKeys(blueProd, redProd);
    }

    @Test
    void resourceIdsAndTagsMustBothMatch() {
        assertThat(listed(Parameters.instances(blueProd, test).tags("env", "prod"))).containsOnlyKeys(blueProd);
        assertThat(listed(Parameters.instances(redProd, test).tagFilter("env", "te*"))).containsOnlyKeys(test);
        assertThat(listed(Parameters.instances(staging).tags("env", null))).isEmpty();
    }

    @Test
    void unknownResourceIdsYieldNoEntries() {
        assertThat(listed(Parameters.instances("i-doesnotexist00001"))).isEmpty();
        assertThat(listed(Parameters.instances("i-doesnotexist00001", canvas, "i-doesnotexist00002")))
                .isEqualTo(Map.of(canvas, Map.of("canvas", "production")));
    }

    private Map<String, Map<String, String>> listed(Parameters query) {
        return tagsOf(account.key(), query);
    }
}
