package dev.ecstags;

import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceInventory;
import dev.ecstags.resource.ResourceRegistration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * A demo account with an AccessKey and a few resources, and everything needed to call the service with them, logged
 * once the service listens. Only {@link TestEcsTagServiceApplication} registers it (it is deliberately no
 * {@code @Component}, so that tests never see it).
 */
class DemoData implements ApplicationRunner {

    static final String ACCOUNT_ID = "1234567890123456";
    static final String REGION_ID = "cn-hangzhou";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final List<ResourceRegistration> RESOURCES = List.of(
            new ResourceRegistration(REGION_ID, "instance", "i-bp1demo000000000001", ACCOUNT_ID, true),
            new ResourceRegistration(REGION_ID, "instance", "i-bp1demo000000000002", ACCOUNT_ID, true),
            new ResourceRegistration(REGION_ID, "disk", "d-bp1demo000000000001", ACCOUNT_ID, true),
            new ResourceRegistration(REGION_ID, "securitygroup", "sg-bp1demo00000000001", ACCOUNT_ID, true),
            new ResourceRegistration(REGION_ID, "snapshot", "s-bp1demo000000000001", ACCOUNT_ID, true));

    private final AccessKeys accessKeys;
    private final ResourceInventory inventory;
    private final TagsProperties properties;
    private final Environment environment;

    DemoData(AccessKeys accessKeys, ResourceInventory inventory, TagsProperties properties, Environment environment) {
        this.accessKeys = accessKeys;
        this.inventory = inventory;
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * TAGS_DEMO_ACCESS_KEY_ID and TAGS_DEMO_ACCESS_KEY_SECRET give the demo key fixed credentials, so that a client
     * configured with them keeps working after a restart (the database is new every time); else they are random.
     */
    private IssuedAccessKey demoKey() {
        String accessKeyId = environment.getProperty("tags.demo.access-key-id");
        String secret = environment.getProperty("tags.demo.access-key-secret");
        if (accessKeyId == null && secret == null) {
            return accessKeys.create(ACCOUNT_ID, false);
        }
        if (accessKeyId == null || secret == null) {
            throw new IllegalStateException("Set both TAGS_DEMO_ACCESS_KEY_ID and TAGS_DEMO_ACCESS_KEY_SECRET, or "
                    + "neither");
        }
        return accessKeys.create(ACCOUNT_ID, false, accessKeyId, secret);
    }

    @Override
    public void run(ApplicationArguments args) {
        IssuedAccessKey key = demoKey();
        inventory.register(RESOURCES);

        String endpoint = "127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        String resources = RESOURCES.stream()
                .map(resource -> String.format("    %-14s %s", resource.resourceType(), resource.resourceId()))
                .collect(Collectors.joining("\n"));
        String firstInstance = RESOURCES.get(0).resourceId();
        log.info("""

                ================================ ecs-tag-service demo ================================
                Endpoint:          http://{}   (plain HTTP; health: /actuator/health; stop: Ctrl+C)
                Admin token:       {}
                Account:           {}
                AccessKeyId:       {}
                AccessKeySecret:   {}
                Resources in {}:
                {}

                Try it with the aliyun CLI (--insecure makes it use HTTP):
                  aliyun configure set --profile ecs-tags-demo --mode AK --region {} \\
                    --access-key-id {} --access-key-secret {}
                  aliyun ecs TagResources --profile ecs-tags-demo --endpoint {} --insecure \\
                    --RegionId {} --ResourceType instance --ResourceId.1 {} --Tag.1.Key env --Tag.1.Value demo
                  aliyun ecs UntagResources --profile ecs-tags-demo --endpoint {} --insecure \\
                    --RegionId {} --ResourceType instance --ResourceId.1 {} --TagKey.1 env

                Admin API:
                  curl -s -X POST http://{}/admin/v1/access-keys -H 'Authorization: Bearer {}' \\
                    -H 'Content-Type: application/json' -d '{"accountId":"{}"}'
                ======================================================================================
                """,
                endpoint, properties.admin().token(), ACCOUNT_ID, key.accessKeyId(), key.accessKeySecret(),
                REGION_ID, resources,
                REGION_ID, key.accessKeyId(), key.accessKeySecret(),
                endpoint, REGION_ID, firstInstance,
                endpoint, REGION_ID, firstInstance,
                endpoint, properties.admin().token(), ACCOUNT_ID);
    }
}
