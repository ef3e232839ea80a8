package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listing with tags or tag filters pages like any other: every matching resource with all its tags, in
 * resource then key order, pages of 50 cutting through resources, nothing lost or repeated, and no other account's
 * or kind's tags counted.
 */
class FilteredPagingTest extends TagBehaviourTest {

    private Account account;
    /** Resource id to its tags, in id order. */
    private final Map<String, Map<String, String>> everything = new TreeMap<>();
    private final List<String> zoned = new ArrayList<>();

    @BeforeEach
    void manyTaggedResources() {
        account = newAccount();
        var stranger = newAccount();
        for (int i = 0; i < 24; i++) {
            String id = instanceOf(account);
            var tags = new LinkedHashMap<String, String>();
            for (String key : List.of("env", "team", "owner", "cost-center", "project", "tier", "version")) {
                tags.put(key, key + "-" + (i % 3));
            }
            if (i % 5 == 0) {
                tags.put("zone", "z" + i);
                zoned.add(id);
            }
            var keysAndValues = new ArrayList<String>();
            tags.forEach((key, value) -> {
                keysAndValues.add(key);
                keysAndValues.add(value);
            });
            assertOk(tag(account.key(), Parameters.instances(id).tags(keysAndValues.toArray(String[]::new))));
            everything.put(id, tags);
        }
        // The same keys elsewhere must not make a resource of this account match.
        String strangers = instanceOf(stranger);
        assertOk(tag(stranger.key(), Parameters.instances(strangers).tags("zone", "z", "env", "x")));
    }

    @Test
    void fiveWildcardFiltersPageThroughEveryMatchingResource() {
        var query = Parameters.anyInstance().tagFilter("*e*").tagFilter("*e*").tagFilter("*e*").tagFilter("*e*")
                .tagFilter("*zo*");
        var expected = new LinkedHashMap<String, Map<String, String>>();
        zoned.forEach(id -> expected.put(id, everything.get(id)));

        var listed = tagsOf(account.key(), query);

        assertThat(listed).isEqualTo(expected);
        assertThat(List.copyOf(listed.keySet())).isSorted();
    }

    @Test
    void broadFiltersListEveryResourceAcrossPagesInOrder() {
        var listed = tagsOf(account.key(), Parameters.anyInstance().tagFilter("*e*").tagFilter("t*"));

        assertThat(listed).isEqualTo(everything);
        assertThat(List.copyOf(listed.keySet())).isSorted();
    }

    @Test
    void valuePatternsAndExactTagsCombineWithPaging() {
        var expected = new LinkedHashMap<String, Map<String, String>>();
        everything.forEach((id, tags) -> {
            if (!tags.get("env").equals("env-1")) {
                expected.put(id, tags);
            }
        });

        assertThat(tagsOf(account.key(), Parameters.anyInstance().tagFilter("env", "*-0", "env-2")))
                .isEqualTo(expected);
        assertThat(tagsOf(account.key(), Parameters.anyInstance().tags("team", null, "tier", "tier-1")))
                .containsOnlyKeys(everything.entrySet().stream()
                        .filter(entry -> entry.getValue().get("tier").equals("tier-1")).map(Map.Entry::getKey)
                        .toList());
    }

    @Test
    void aPatternNoKeyMatchesListsNothing() {
        assertThat(tagsOf(account.key(), Parameters.anyInstance().tagFilter("*e*").tagFilter("*zz*"))).isEmpty();
        assertThat(tagsOf(account.key(), Parameters.anyInstance().tagFilter("nothing*"))).isEmpty();
    }

    @Test
    void privateTagsNeitherMatchNorShow() {
        var service = newServiceClient();
        String unzoned = everything.keySet().stream().filter(id -> !zoned.contains(id)).findFirst().orElseThrow();
        assertOk(tag(service, Parameters.instances(unzoned).owner(account.id()).privateScope()
                .tags("zone-private", "p")));

        assertThat(tagsOf(account.key(), Parameters.anyInstance().tagFilter("*zo*"))).containsOnlyKeys(zoned);
        assertThat(tagsOf(service, Parameters.anyInstance().owner(account.id()).privateScope().tagFilter("*zo*")))
                .isEqualTo(Map.of(unzoned, Map.of("zone-private", "p")));
    }
}
