package dev.ecstags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.RpcClient;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

/** The demo's fixed credentials: a client configured with them keeps working across restarts of the demo. */
class DemoDataTest extends ServiceTest {
    @Autowired
    TagsProperties properties;

    @Test
    void theDemoKeyTakesTheCredentialsTheSettingsGive() {
        String accessKeyId = "LTAIdemo" + TestIds.account();
        String secret = "FixedDemoSecret0123456789abcd";
        var environment = new MockEnvironment()
                .withProperty("tags.demo.access-key-id", accessKeyId)
                .withProperty("tags.demo.access-key-secret", secret)
                .withProperty("local.server.port", Integer.toString(port));

        new DemoData(accessKeys, inventory, properties, environment).run(new DefaultApplicationArguments());

        var response = new RpcClient(port).v1(accessKeyId, secret).action("ListTagResources")
                .param("RegionId", DemoData.REGION_ID).param("ResourceType", "instance")
                .param("ResourceId.1", "i-bp1demo000000000001").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }
}
