package dev.ecstags.sdk;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.profile.DefaultProfile;
import dev.ecstags.auth.IssuedAccessKey;

/** The official SDKs, pointed at the service on a local port as alibaba-rpc-tag-api.md §5 describes. */
public final class SdkClients {

    public static final String REGION = "cn-hangzhou";
    /** Far above any answer the service should take, even when its database is away. */
    public static final int CLIENT_TIMEOUT_MILLIS = 15_000;

    private SdkClients() {
    }

    public static String endpoint(int port) {
        return "127.0.0.1:" + port;
    }

    /** aliyun-java-sdk-core 4.7.3; each request still needs {@code setSysEndpoint(endpoint(port))}. */
    public static DefaultAcsClient legacy(IssuedAccessKey key, SignatureVersion signatureVersion) {
        var profile = DefaultProfile.getProfile(REGION, key.accessKeyId(), key.accessKeySecret());
        profile.getHttpClientConfig().setReadTimeoutMillis(CLIENT_TIMEOUT_MILLIS);
        profile.getHttpClientConfig().setConnectionTimeoutMillis(CLIENT_TIMEOUT_MILLIS);
        var client = new DefaultAcsClient(profile);
        client.setSignatureVersion(signatureVersion);
        return client;
    }

    /** The Tea SDK's configuration: V3 (ACS3-HMAC-SHA256) by default, V1 HMAC-SHA1 with {@code v2}. */
    public static Config teaConfig(IssuedAccessKey key, int port, boolean hmacSha1) {
        var config = new Config()
                .setAccessKeyId(key.accessKeyId())
                .setAccessKeySecret(key.accessKeySecret())
                .setEndpoint(endpoint(port))
                .setProtocol("HTTP")
                .setReadTimeout(CLIENT_TIMEOUT_MILLIS)
                .setConnectTimeout(CLIENT_TIMEOUT_MILLIS);
        if (hmacSha1) {
            config.setSignatureAlgorithm("v2");
        }
        return config;
    }

    public static com.aliyun.ecs20140526.Client tea(IssuedAccessKey key, int port, boolean hmacSha1) {
        try {
            return new com.aliyun.ecs20140526.Client(teaConfig(key, port, hmacSha1));
        } catch (Exception e) {
            throw new IllegalStateException("The Tea client refused its configuration", e);
        }
    }

    /** No retries (a retried call could hide a refusal) and the same generous timeouts. */
    public static RuntimeOptions teaRuntime() {
        return new RuntimeOptions()
                .setAutoretry(false)
                .setReadTimeout(CLIENT_TIMEOUT_MILLIS)
                .setConnectTimeout(CLIENT_TIMEOUT_MILLIS);
    }
}
