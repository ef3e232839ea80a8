package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Coverage-guided fuzzing of the whole request path through MockMvc: fuzzed parameters of the three actions,
 * signed correctly (V1 in the query or a form body, V3 in the query) by the test signer with a real AccessKey, so
 * they get past authentication into the action rules and the SQL. Whatever they hold, the answer is never a 5xx,
 * always carries a RequestId, and is never a signature refusal (the signer and the verifier agree).
 *
 * <p>One normal and one service key of a fresh account, with a few registered resources, serve every input; the
 * tags the fuzzer writes stay on that account, so listings later in the run see them (and must still render).
 */
class RequestPathFuzzTest extends ServiceTest {

    private static final String REGION = "cn-hangzhou";
    private static final List<String> ACTIONS = List.of("TagResources", "UntagResources", "ListTagResources");
    private static final List<String> NAMES = List.of("RegionId", "ResourceType", "ResourceId.%s", "Tag.%s.Key",
            "Tag.%s.Value", "TagKey.%s", "TagFilter.%s.TagKey", "TagFilter.%s.TagValues.%s", "All", "NextToken",
            "Scope", "TagOwnerUid", "TagOwnerBid", "Format");
    private static final List<String> INDEXES = List.of("1", "2", "3", "5", "6", "0", "20", "21", "50", "51", "01",
            "x", "", "99999999999", "-1");
    private static final List<String> VALUES = List.of("", "cn-hangzhou", "cn-beijing", "instance", "disk", "env",
            "team", "*", "*e*", "e*", "*e", "%_\\", "acs:x", "aliyun-x", "true", "false", "private", "public", "XML",
            "JSON", "http://x", "\u00e9\u4e2d", "\u0001", "\ud83d\ude00");

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;
    private IssuedAccessKey normalKey;
    private IssuedAccessKey serviceKey;
    private final List<String> resourceIds = new ArrayList<>();

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"ResourceId.", "Tag.", ".Key", ".Value", "TagFilter.", ".TagKey", ".TagValues.", "*"})
    void signedCallsNeverFailOnTheServerSide(FuzzedDataProvider data) throws Exception {
        prepareOnce();
        String action = data.consumeInt(0, 15) == 0 ? data.consumeString(20) : data.pickValue(ACTIONS);
        IssuedAccessKey key = data.consumeBoolean() ? normalKey : serviceKey;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (data.consumeInt(0, 7) != 0) {
            parameters.put("RegionId", REGION);
            parameters.put("ResourceType", "instance");
        }
        int count = data.consumeInt(0, 30);
        for (int i = 0; i < count; i++) {
            String name = data.consumeInt(0, 9) == 0
                    ? data.consumeString(30)
                    : data.pickValue(NAMES).formatted(index(data), index(data));
            parameters.put(name, value(data));
        }
        parameters.keySet().removeIf(name -> name.isEmpty() || isCommonParameter(name));

        MockHttpServletResponse response = mvc.perform(signed(data.consumeInt(0, 2), key, action, parameters))
                .andReturn().getResponse();

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s %s: %s", action, parameters, body).isLessThan(500);
        assertThat(body).as("%s %s", action, parameters).contains("RequestId")
                .doesNotContain("SignatureDoesNotMatch", "IncompleteSignature");
    }

    private MockHttpServletRequestBuilder signed(int transport, IssuedAccessKey key, String action,
            Map<String, String> parameters) {
        if (transport == 2) {
            var signer = TestSigner.v3(key.accessKeyId(), key.accessKeySecret()).action(action)
                    .header("host", "localhost").params(parameters);
            var request = MockMvcRequestBuilders.request(HttpMethod.POST, uri(signer.queryString()));
            signer.headers().forEach(request::header);
            return request;
        }
        var signer = TestSigner.v1(key.accessKeyId(), key.accessKeySecret()).action(action).params(parameters);
        if (transport == 1) {
            signer.inFormBody();
            var request = MockMvcRequestBuilders.request(HttpMethod.POST, URI.create("/"))
                    .content(signer.encodedParameters());
            signer.headers().forEach(request::header);
            return request;
        }
        return MockMvcRequestBuilders.request(HttpMethod.GET, uri(signer.encodedParameters()));
    }

    private static URI uri(String rawQuery) {
        return URI.create(rawQuery.isEmpty() ? "/" : "/?" + rawQuery);
    }

    private static boolean isCommonParameter(String name) {
        return List.of("Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
                "SignatureNonce", "Timestamp").contains(name);
    }

    private String index(FuzzedDataProvider data) {
        return data.consumeInt(0, 5) == 0 ? data.consumeString(12) : data.pickValue(INDEXES);
    }

    private String value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(resourceIds);
            case 1 -> data.pickValue(VALUES);
            default -> data.consumeString(140);
        };
    }

    /** Jazzer reuses the test instance across inputs: one account, its keys and resources, for the whole run. */
    private void prepareOnce() {
        if (mvc != null) {
            return;
        }
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        normalKey = newNormalKey();
        String accountId = normalKey.accountId();
        serviceKey = accessKeys.create(accountId, true);
        var registrations = new ArrayList<ResourceRegistration>();
        for (int i = 0; i < 4; i++) {
            String id = TestIds.resource("i-fuzz");
            resourceIds.add(id);
            registrations.add(new ResourceRegistration(REGION, "instance", id, accountId, i < 3));
        }
        inventory.register(registrations);
    }
}
