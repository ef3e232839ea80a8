package dev.ecstags.sdk;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import dev.ecstags.auth.IssuedAccessKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any ECS tag call with any parameters (TagOwnerUid, Scope, a chosen nonce…), signed by the Tea SDK's generic
 * {@code callApi}: the same signer and transport as the typed Tea client, without its fixed parameter models.
 */
public final class TeaRpc {

    private final Client client;

    public TeaRpc(IssuedAccessKey key, int port) {
        this(key, port, false);
    }

    public TeaRpc(IssuedAccessKey key, int port, boolean hmacSha1) {
        try {
            this.client = new Client(SdkClients.teaConfig(key, port, hmacSha1));
        } catch (Exception e) {
            throw new IllegalStateException("The Tea client refused its configuration", e);
        }
    }

    public Answer call(String action, Map<String, String> parameters) {
        return call(action, parameters, Map.of());
    }

    /** Extra headers replace the SDK's own, {@code x-acs-signature-nonce} included, and are signed with them. */
    public Answer call(String action, Map<String, String> parameters, Map<String, String> headers) {
        var params = new Params()
                .setAction(action)
                .setVersion("2014-05-26")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        var request = new OpenApiRequest()
                .setQuery(new LinkedHashMap<>(parameters))
                .setHeaders(new LinkedHashMap<>(headers));
        try {
            Map<String, ?> response = client.callApi(params, request, SdkClients.teaRuntime());
            @SuppressWarnings("unchecked")
            var body = (Map<String, Object>) response.get("body");
            return new Answer(((Number) response.get("statusCode")).intValue(), body);
        } catch (TeaException refused) {
            return new Answer(refused.getStatusCode(), refused.getData());
        } catch (Exception e) {
            throw new IllegalStateException("The call did not complete: " + e, e);
        }
    }

    /** The HTTP status and the parsed JSON body of an answer. */
    public record Answer(int status, Map<String, Object> body) {

        public String code() {
            return (String) body.get("Code");
        }

        public String nextToken() {
            return (String) body.get("NextToken");
        }

        /** ListTagResources' entries, each with ResourceId, ResourceType, TagKey and TagValue. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> tagResources() {
            var wrapper = (Map<String, Object>) body.get("TagResources");
            return (List<Map<String, Object>>) wrapper.get("TagResource");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
