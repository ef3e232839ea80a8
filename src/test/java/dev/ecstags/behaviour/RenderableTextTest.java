package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.RpcResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing is stored that a listing could not render: a key or value with a character XML 1.0 cannot carry is
 * refused when written, and whatever was accepted lists in XML (the V1 default) and JSON alike.
 */
class RenderableTextTest extends TagBehaviourTest {

    @Test
    void controlCharactersAndNonCharactersAreRefusedAndNothingIsStored() {
        var account = newAccount();
        var resource = instanceOf(account);
        for (String bad : List.of("team\u0001", "esc\u001b", "del\u0008", "nonchar\uFFFE", "nonchar\uFFFF")) {
            assertRefused(tag(account.key(), Parameters.instances(resource).tags(bad, "v")), 400,
                    "InvalidTagKey.Malformed");
            assertRefused(tag(account.key(), Parameters.instances(resource).tags("k", bad)), 400,
                    "InvalidTagValue.Malformed");
        }
        // NUL is already refused where the parameters are read, as a malformed value.
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("nul\u0000", "v")), 400,
                "InvalidParameter");
        assertThat(storedTags(account.id(), resource, false)).isZero();
    }

    @Test
    void everythingStoredListsInXmlAndJson() {
        IssuedAccessKey key = newNormalKey();
        String accountId = key.accountId();
        var account = new Account(accountId, new dev.ecstags.sdk.TeaRpc(key, port));
        var resource = instanceOf(account);
        Map<String, String> stored = Map.of(
                "tab\tkey", "line\nbreak\r",
                "emoji \uD83D\uDE00", "\uFFFD replacement",
                "markup <&>\"'", "]]> cdata end",
                "private use \uE000", "é ü 中文");
        stored.forEach(
                (tagKey, value) -> assertOk(tag(account.key(), Parameters.instances(resource).tags(tagKey, value))));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(stored);

        var client = new RpcClient(port);
        for (var call : List.of(
                client.v1(key).action("ListTagResources").format("XML"),
                client.v1(key).action("ListTagResources"),
                client.v1(key).action("ListTagResources").format("JSON"))) {
            RpcResponse listed = call.param("RegionId", "cn-hangzhou").param("ResourceType", "instance")
                    .param("ResourceId.1", resource).send();
            assertThat(listed.status()).as("%s", listed).isEqualTo(200);
            if (listed.isXml()) {
                assertThat(listed.xmlRootElement()).isEqualTo("ListTagResourcesResponse");
            }
            assertThat(listed.body()).contains("replacement", "cdata end", "中文");
        }
    }
}
