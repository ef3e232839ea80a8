package dev.ecstags.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesRequest;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import dev.ecstags.EcsTagServiceApplication;
import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceInventory;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.SdkClients;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.TestIds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a PostgreSQL of its own that the test stops, restarts and damages: the shared test database
 * must stay untouched. Callers get a quick, documented answer (503 ServiceUnavailable, 500 InternalError) rather
 * than a hang or a leak of internals, and the service recovers without a restart.
 */
class DatabaseFaultsTest {

    /** What must never reach a caller: exception names, packages, stack frames, SQL. */
    private static final List<String> INTERNALS = List.of("Exception", "exception:", "org.", "java.", "SQL", "sql",
            "at ", "PSQL", "select", "relation", "tag_moved_away", "Hikari", "jdbc", "postgres");

    /** Each refused call takes the pool's connection timeout (2 s); the pool retries at least every 5 s. */
    private static final int MAX_CALLS_UNTIL_RECOVERED = 10;

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext service;
    private static int port;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(SdkClients.CLIENT_TIMEOUT_MILLIS))
            .build();
    private IssuedAccessKey key;
    private String resource;

    @BeforeAll
    static void startTheServiceOnItsOwnDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("ecs-tags-resilience");
        try (var socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = startDatabase();
        // Arguments, not default properties: application.yml's own datasource settings must not win.
        service = new SpringApplicationBuilder(EcsTagServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=4");
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The same data directory and port every time, so a restart brings back the very same database. */
    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(databasePort)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .start();
    }

    @BeforeEach
    void anAccountWithATaggedResource() {
        String account = TestIds.account();
        key = service.getBean(AccessKeys.class).create(account, false);
        resource = TestIds.instance();
        service.getBean(ResourceInventory.class).register(
                List.of(new ResourceRegistration(SdkClients.REGION, "instance", resource, account, true)));
        assertThat(new TeaRpc(key, port).call("TagResources",
                Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance", "ResourceId.1", resource,
                        "Tag.1.Key", "k", "Tag.1.Value", "v"))
                .status()).isEqualTo(200);
    }

    @AfterEach
    void databaseIsBack() throws IOException {
        if (database == null) {
            database = startDatabase();
        }
    }

    @Test
    void whileTheDatabaseIsDownCallsAreAnsweredServiceUnavailableAndTheServiceRecoversByItself() throws Exception {
        assertThat(healthStatus()).isEqualTo("UP");

        database.close();
        database = null;

        // Each answers (TeaRpc fails the test on a client timeout) with the documented refusal.
        assertServiceUnavailable(new TeaRpc(key, port).call("ListTagResources", listQuery()));
        assertServiceUnavailable(new TeaRpc(key, port, true).call("UntagResources",
                Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance", "ResourceId.1", resource,
                        "TagKey.1", "k")));
        var legacy = SdkClients.legacy(key, SignatureVersion.V1);
        var legacyRequest = legacyList(FormatType.JSON);
        var refused = catchThrowableOfType(ServerException.class,
                () -> legacy.getAcsResponse(legacyRequest));
        assertThat(refused).isNotNull();
        assertThat(refused.getErrCode()).isEqualTo("ServiceUnavailable");
        assertThat(healthStatus()).isNotEqualTo("UP");

        database = startDatabase();

        // The pool reconnects on its own, with a back-off of a few seconds between attempts; until it has, a call
        // is still refused as ServiceUnavailable, as a client that retries 503s would see it. No restart is needed.
        Answer answer = new TeaRpc(key, port).call("ListTagResources", listQuery());
        for (int attempt = 1; answer.status() != 200 && attempt < MAX_CALLS_UNTIL_RECOVERED; attempt++) {
            assertServiceUnavailable(answer);
            answer = new TeaRpc(key, port).call("ListTagResources", listQuery());
        }
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.tagResources()).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("TagKey", "k").containsEntry("TagValue", "v"));
        assertThat(healthStatus()).isEqualTo("UP");
    }

    @Test
    void anUnexpectedFaultIsAnsweredInternalErrorWithNothingInternalInTheBody() throws Exception {
        // A schema the code does not expect (a botched migration, an operator's mistake): every query of tags fails.
        execute("alter table tag rename to tag_moved_away");
        try {
            Answer json = new TeaRpc(key, port).call("ListTagResources", listQuery());
            assertThat(json.status()).as("%s", json).isEqualTo(500);
            assertThat(json.body()).containsOnlyKeys("RequestId", "HostId", "Code", "Message", "statusCode")
                    .containsEntry("Code", "InternalError");
            assertThat(json.body().values()).allSatisfy(value -> assertClean(String.valueOf(value)));

            var legacy = SdkClients.legacy(key, SignatureVersion.V1);
            var xml = legacy.doAction(legacyList(FormatType.XML));
            assertThat(xml.getStatus()).isEqualTo(500);
            String body = xml.getHttpContentString();
            assertThat(body).startsWith("<?xml").contains("<Error>").contains("<Code>InternalError</Code>");
            assertClean(body.replace("<?xml version='1.0' encoding='UTF-8'?>", "")
                    .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""));
        } finally {
            execute("alter table tag_moved_away rename to tag");
        }
        assertThat(new TeaRpc(key, port).call("ListTagResources", listQuery()).status()).isEqualTo(200);
    }

    @Test
    void aConnectionLostDuringTagResourcesIsAnsweredServiceUnavailable() throws Exception {
        // The call's transaction waits for a row lock the test holds; then its backend is ended, as a crash, a
        // failover or an operator would end it. The statement fails and so does the rollback over the dead
        // connection ("Unable to rollback against JDBC Connection"): both are the database's fault, not the call's.
        try (var locker = database.getPostgresDatabase().getConnection()) {
            locker.setAutoCommit(false);
            try (var lock = locker.prepareStatement("select 1 from resource where resource_id = ? for update")) {
                lock.setString(1, resource);
                lock.execute();
            }
            var call = CompletableFuture.supplyAsync(() -> new TeaRpc(key, port).call("TagResources",
                    Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance", "ResourceId.1", resource,
                            "Tag.1.Key", "k", "Tag.1.Value", "lost")));
            int ended = 0;
            for (int attempt = 0; ended == 0 && attempt < 100; attempt++) {
                Thread.sleep(100);
                ended = count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and pid <> pg_backend_pid()");
            }
            assertThat(ended).as("backends waiting for the lock").isEqualTo(1);

            assertServiceUnavailable(call.get(SdkClients.CLIENT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            locker.rollback();
        }

        // Nothing changed, and the next calls are served (the pool drops the dead connection).
        Answer answer = new TeaRpc(key, port).call("ListTagResources", listQuery());
        for (int attempt = 1; answer.status() != 200 && attempt < MAX_CALLS_UNTIL_RECOVERED; attempt++) {
            answer = new TeaRpc(key, port).call("ListTagResources", listQuery());
        }
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.tagResources()).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("TagKey", "k").containsEntry("TagValue", "v"));
    }

    private static void assertServiceUnavailable(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("ServiceUnavailable");
        assertThat(answer.body().values()).allSatisfy(value -> assertClean(String.valueOf(value)));
    }

    private static void assertClean(String text) {
        assertThat(text).as("what a caller sees").doesNotContain(INTERNALS);
    }

    private Map<String, String> listQuery() {
        return Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance", "ResourceId.1", resource);
    }

    private ListTagResourcesRequest legacyList(FormatType format) {
        var request = new ListTagResourcesRequest();
        request.setSysEndpoint(SdkClients.endpoint(port));
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysMethod(MethodType.GET);
        request.setSysAcceptFormat(format);
        request.setResourceType("instance");
        request.setResourceIds(List.of(resource));
        return request;
    }

    private String healthStatus() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofMillis(SdkClients.CLIENT_TIMEOUT_MILLIS))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).get("status").asString();
    }

    private static int count(String query) throws SQLException {
        try (var connection = database.getPostgresDatabase().getConnection();
                var sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(String statement) throws SQLException {
        try (var connection = database.getPostgresDatabase().getConnection();
                var sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
