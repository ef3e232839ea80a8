package dev.ecstags.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.TagSdk.Entry;
import dev.ecstags.sdk.TagSdk.ListQuery;
import dev.ecstags.sdk.TagSdk.Page;
import dev.ecstags.sdk.TagSdk.SdkRefusal;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three actions end to end through every official Java SDK flavour a caller may use: the legacy core in V1
 * (POST and GET, JSON and XML) and V3, and the Tea SDK in V3 and in its HMAC-SHA1 ("v2") mode.
 */
class OfficialSdkTest extends ServiceTest {

    /** Chinese keys and values, an empty value, spaces and {@code *}, and characters URL encodings disagree on. */
    private static final Map<String, String> AWKWARD_TAGS = orderedMap(
            "部门", "财务部",
            "环境", "",
            "备注", "a b * c",
            "sym", "x+y=z&w~/%;é");

    enum Flavour {
        LEGACY_V1_POST_JSON(
                (key, port) -> new LegacySdk(key, port, SignatureVersion.V1, MethodType.POST, FormatType.JSON)),
        LEGACY_V1_GET_JSON(
                (key, port) -> new LegacySdk(key, port, SignatureVersion.V1, MethodType.GET, FormatType.JSON)),
        LEGACY_V1_POST_XML(
                (key, port) -> new LegacySdk(key, port, SignatureVersion.V1, MethodType.POST, FormatType.XML)),
        LEGACY_V1_GET_XML((key, port) -> new LegacySdk(key, port, SignatureVersion.V1, MethodType.GET, FormatType.XML)),
        LEGACY_V3_POST_JSON(
                (key, port) -> new LegacySdk(key, port, SignatureVersion.V3, MethodType.POST, FormatType.JSON)),
        LEGACY_V3_GET_XML((key, port) -> new LegacySdk(key, port, SignatureVersion.V3, MethodType.GET, FormatType.XML)),
        TEA_V3((key, port) -> new TeaSdk(key, port, false)),
        TEA_V2_HMAC_SHA1((key, port) -> new TeaSdk(key, port, true));

        private final BiFunction<IssuedAccessKey, Integer, TagSdk> factory;

        Flavour(BiFunction<IssuedAccessKey, Integer, TagSdk> factory) {
            this.factory = factory;
        }
    }

    /** The test runs once with every flavour of SDK. */
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest
    @EnumSource(Flavour.class)
    @interface WithEveryFlavour {
    }

    /** The account of the test: a fresh one for each test, as JUnit makes a test instance for each. */
    private final String account = TestIds.account();

    @WithEveryFlavour
    void tagsListsAndUntags(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var first = instanceOf(account);
        var second = instanceOf(account);
        var both = List.of(first, second);

        sdk.tag("instance", both, AWKWARD_TAGS);

        Page page = sdk.list(ListQuery.byIds(both));
        assertThat(page.entries()).containsExactlyElementsOf(entries(both, AWKWARD_TAGS));
        assertThat(page.nextToken()).isEmpty();

        sdk.untag("instance", both, List.of("部门", "备注"), null);
        var left = orderedMap("环境", "", "sym", AWKWARD_TAGS.get("sym"));
        assertThat(sdk.list(ListQuery.byIds(both)).entries()).containsExactlyElementsOf(entries(both, left));

        sdk.untag("instance", List.of(first), null, true);
        assertThat(sdk.list(ListQuery.byIds(both)).entries()).containsExactlyElementsOf(entries(List.of(second), left));
    }

    /** Issue 6: 20 tags whose keys and values are 128 CJK characters each (about 47 KB in a V3 or GET query). */
    @WithEveryFlavour
    void twentyTagsOf128CjkCharacters(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var instance = instanceOf(account);
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            String text = "标签键值".repeat(32).substring(1) + Character.toString(0x4E00 + i);
            tags.put(text, text);
        }

        sdk.tag("instance", List.of(instance), tags);

        assertThat(sdk.list(ListQuery.byIds(List.of(instance))).entries()).hasSize(20);
    }

    @WithEveryFlavour
    void listsByTagAndByTagFilter(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var production = instanceOf(account);
        var staging = instanceOf(account);
        sdk.tag("instance", List.of(production), orderedMap("env", "prod", "团队", "蓝 队"));
        sdk.tag("instance", List.of(staging), orderedMap("env", "staging"));

        var byTag = new ListQuery("instance", List.of(), orderedMap("env", "prod"), null, List.of(), null);
        assertThat(sdk.list(byTag).entries())
                .containsExactlyElementsOf(entries(List.of(production), orderedMap("env", "prod", "团队", "蓝 队")));

        var byKeyAlone = new ListQuery("instance", List.of(), orderedMap("团队", null), null, List.of(), null);
        assertThat(sdk.list(byKeyAlone).entries()).extracting(Entry::resourceId).containsOnly(production);

        var byFilter = new ListQuery("instance", List.of(), Map.of(), "env", List.of("pro*", "*tag*"), null);
        assertThat(sdk.list(byFilter).entries()).extracting(Entry::resourceId)
                .containsExactlyElementsOf(Stream.of(production, production, staging).sorted().toList());
    }

    @WithEveryFlavour
    void refusalsArriveAsTheSdksErrors(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var resource = instanceOf(account);

        assertRefused(() -> sdk.untag("instance", List.of(resource, "i-nosuchresource"), List.of("k"), null),
                "InvalidResourceId.NotFound", 404);
        assertRefused(() -> sdk.tag("instance", List.of(resource), Map.of("acs:reserved", "v")),
                "InvalidTagKey.Malformed", 400);
        assertRefused(() -> sdk.untag("instance", List.of(resource), null, null), "MissingParameter.Tags", 404);
        assertRefused(() -> sdk.list(ListQuery.byIds(List.of(resource)).next("not-a-token")),
                "Invalid.NextToken", 400);
        assertRefused(() -> sdk.tag("bucket", List.of(resource), Map.of("k", "v")),
                "InvalidResourceType.NotFound", 404);
    }

    @WithEveryFlavour
    void pagesThroughNextToken(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var resources = List.of(instanceOf(account), instanceOf(account), instanceOf(account));
        var twenty = new LinkedHashMap<String, String>();
        IntStream.range(0, 20).forEach(i -> twenty.put("键-%02d".formatted(i), "值 %d".formatted(i)));
        sdk.tag("instance", resources, twenty);
        var everything = entries(resources, twenty);

        Page first = sdk.list(ListQuery.byIds(resources));
        assertThat(first.entries()).containsExactlyElementsOf(everything.subList(0, 50));
        assertThat(first.nextToken()).isNotEmpty();

        Page second = sdk.list(ListQuery.byIds(resources).next(first.nextToken()));
        assertThat(second.entries()).containsExactlyElementsOf(everything.subList(50, 60));
        assertThat(second.nextToken()).isEmpty();
    }

    @WithEveryFlavour
    void describesTheTagCatalog(Flavour flavour) throws Exception {
        var sdk = sdkFor(flavour, account);
        var first = instanceOf(account);
        var second = instanceOf(account);
        String disk = "d-" + TestIds.instance().substring(2);
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "disk", disk, account, true)));
        sdk.tag("instance", List.of(first, second), orderedMap("env", "prod"));
        sdk.tag("instance", List.of(first), orderedMap("团队", "蓝 队"));
        sdk.tag("disk", List.of(disk), orderedMap("env", "prod"));

        TagSdk.Catalog all = sdk.describe(new TagSdk.DescribeQuery(null, null, Map.of(), null, null));
        assertThat(all.requestId()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(all.pageNumber()).isEqualTo(1);
        assertThat(all.pageSize()).isEqualTo(50);
        assertThat(all.totalCount()).isEqualTo(2);
        assertThat(all.tags()).containsExactly(
                new TagSdk.CatalogTag("env", "prod", counts(2, 1)),
                new TagSdk.CatalogTag("团队", "蓝 队", counts(1, 0)));

        TagSdk.Catalog secondPage = sdk.describe(new TagSdk.DescribeQuery(null, null, Map.of(), 2, 1));
        assertThat(secondPage.pageNumber()).isEqualTo(2);
        assertThat(secondPage.pageSize()).isEqualTo(1);
        assertThat(secondPage.totalCount()).isEqualTo(2);
        assertThat(secondPage.tags()).containsExactly(new TagSdk.CatalogTag("团队", "蓝 队", counts(1, 0)));

        TagSdk.Catalog disks = sdk.describe(new TagSdk.DescribeQuery("disk", null, Map.of(), null, null));
        assertThat(disks.tags()).containsExactly(new TagSdk.CatalogTag("env", "prod", counts(0, 1)));

        TagSdk.Catalog ofSecond = sdk.describe(new TagSdk.DescribeQuery("instance", second, Map.of(), null, null));
        assertThat(ofSecond.tags()).containsExactly(new TagSdk.CatalogTag("env", "prod", counts(1, 0)));

        var byKey = new LinkedHashMap<String, String>();
        byKey.put("团队", null);
        TagSdk.Catalog keyed = sdk.describe(new TagSdk.DescribeQuery(null, null, byKey, null, null));
        assertThat(keyed.totalCount()).isEqualTo(1);
        assertThat(keyed.tags()).extracting(TagSdk.CatalogTag::tagKey).containsExactly("团队");

        assertRefused(() -> sdk.describe(new TagSdk.DescribeQuery(null, null, Map.of(), null, 101)),
                "InvalidParameter.PageSize", 400);
    }

    /** ResourceTypeCount as the SDKs read it: every type the SDKs model, zero where no resource carries the pair. */
    private static Map<String, Integer> counts(int instances, int disks) {
        var counts = new LinkedHashMap<String, Integer>();
        TagSdk.CatalogTag.COUNTED_TYPES.forEach(type -> counts.put(type, 0));
        counts.put("Instance", instances);
        counts.put("Disk", disks);
        return counts;
    }

    private TagSdk sdkFor(Flavour flavour, String account) {
        return flavour.factory.apply(accessKeys.create(account, false), port);
    }

    private String instanceOf(String account) {
        String id = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", id, account, true)));
        return id;
    }

    private static void assertRefused(Executable call, String code, int status) {
        SdkRefusal refusal = catchThrowableOfType(SdkRefusal.class, call::execute);
        assertThat(refusal).as("the call is refused").isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.serverError()).isFalse();
    }

    /** What ListTagResources answers: one entry per resource and tag, by resource id, then by key. */
    private static List<Entry> entries(List<String> resourceIds, Map<String, String> tags) {
        var entries = new ArrayList<Entry>();
        for (String id : resourceIds) {
            tags.forEach((key, value) -> entries.add(new Entry(id, "instance", key, value)));
        }
        entries.sort(Comparator.comparing(Entry::resourceId).thenComparing(Entry::tagKey));
        return entries;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
