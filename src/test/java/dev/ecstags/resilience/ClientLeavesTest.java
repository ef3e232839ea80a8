package dev.ecstags.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.HeldLock;
import dev.ecstags.support.RawHttp;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A call whose client closes its connection while the call's statement runs (here: waits for a row lock another
 * transaction holds) has that statement cancelled within about a second, long before statement_timeout (5 s):
 * the backend stops waiting and goes back to the pool idle, the call changes nothing, writes nothing, logs no
 * error and counts none (it is timed under status 499). A client that stays gets its answer however long the call
 * takes, and connections that carry several requests, one after the other or pipelined, keep working.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientLeavesTest extends ServiceTest {

    private static final String REGION = "cn-hangzhou";
    /** Far less than statement_timeout (5 s): only a cancel ends the wait this soon. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    MeterRegistry meters;

    private RawHttp raw;
    private IssuedAccessKey key;
    private String resource;
    private List<String> rowsBefore;

    @BeforeEach
    void aTaggedResource() {
        raw = new RawHttp(port);
        key = newNormalKey();
        resource = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(REGION, "instance", resource, key.accountId(), true)));
        assertSucceeded(call("TagResources").param("Tag.1.Key", "env").param("Tag.1.Value", "prod").send());
        rowsBefore = tagRows(key.accountId());
        assertThat(rowsBefore).hasSize(1);
    }

    @Test
    void anUntagResourcesWaitingForALockIsCancelledWhenItsClientCloses(CapturedOutput output) throws Exception {
        double errorsBefore = errors("UntagResources");
        long leftBefore = timed("UntagResources", 499);

        try (var lock = HeldLock.onResource(resource)) {
            Socket client = raw.open(get(untag()), 10_000);
            int backend = awaitWaiting(lock);

            client.close();

            await().atMost(PROMPTLY).until(() -> lock.waiting().isEmpty());
            await().atMost(PROMPTLY).until(() -> "idle".equals(HeldLock.stateOf(backend)));
        }

        assertThat(tagRows(key.accountId())).as("the untag was rolled back").isEqualTo(rowsBefore);
        await().atMost(PROMPTLY).until(() -> timed("UntagResources", 499) == leftBefore + 1);
        assertThat(errors("UntagResources")).as("errors counted").isEqualTo(errorsBefore);
        assertThat(output.getOut()).containsPattern("RPC UntagResources RequestId=\\S+ AccessKeyId="
                + key.accessKeyId() + " .*status=499 code=-");
        assertNoWarningFromTheWorkers(output);
    }

    /**
     * A POST whose body follows its head (read without a worker, then dispatched: the asynchronous path of the
     * intake) from a client that only shuts down its sending side, as some clients do when done: the call ends
     * all the same, and nothing at all is written back, not even an empty answer.
     */
    @Test
    void aTagResourcesWhoseClientHalfClosesIsCancelledAndGetsNoAnswer(CapturedOutput output) throws Exception {
        double errorsBefore = errors("TagResources");
        var request = call("TagResources").param("Tag.1.Key", "env").param("Tag.1.Value", "test").inFormBody();
        byte[] body = request.encodedParameters().getBytes(StandardCharsets.UTF_8);

        try (var lock = HeldLock.onResource(resource);
                Socket client = raw.open(formHead(body.length), 10_000)) {
            Thread.sleep(200);
            send(client, body);
            awaitWaiting(lock);

            client.shutdownOutput();

            await().atMost(PROMPTLY).until(() -> lock.waiting().isEmpty());
            assertThat(everythingReceived(client)).as("bytes written to the client that left").isEmpty();
        }

        assertThat(tagRows(key.accountId())).as("the tag was rolled back").isEqualTo(rowsBefore);
        assertThat(errors("TagResources")).as("errors counted").isEqualTo(errorsBefore);
        await().atMost(PROMPTLY).until(() -> output.getOut().contains("status=499"));
        assertNoWarningFromTheWorkers(output);
    }

    @Test
    void aSlowCallWhoseClientStaysIsAnswered() throws Exception {
        try (Socket client = slowCallOn(untag())) {
            RpcResponse answer = RawHttp.read(client);

            assertSucceeded(answer);
        }
        assertThat(tagRows(key.accountId())).isEmpty();
    }

    /**
     * A slow call followed on its connection by pipelined requests, one sent with it (behind its body, in Tomcat's
     * input buffer) and one sent while it waits (which a check reads from the socket): the checks leave the bytes
     * where Tomcat reads them next, so each request is answered in turn, and the connection then takes more.
     */
    @Test
    void pipelinedAndKeptAliveRequestsOnOneConnectionAreAllAnswered() throws Exception {
        var slowUntag = untag().inFormBody();
        byte[] slowBody = slowUntag.encodedParameters().getBytes(StandardCharsets.UTF_8);
        byte[] withItsBody = concat(formHead(slowBody.length), slowBody, get(list()));

        try (Socket client = slowCallOn(withItsBody, get(list()))) {
            assertSucceeded(RawHttp.read(client));
            RpcResponse first = RawHttp.read(client);
            RpcResponse second = RawHttp.read(client);
            assertSucceeded(first);
            assertSucceeded(second);
            assertThat(first.body()).doesNotContain("TagKey");

            send(client, get(call("TagResources").param("Tag.1.Key", "env").param("Tag.1.Value", "again")));
            assertSucceeded(RawHttp.read(client));
            send(client, get(list()));
            assertThat(RawHttp.read(client).body()).contains("again");
        }
    }

    /**
     * Sends a request while the resource is locked, then these more bytes once it waits for the lock, and releases
     * the lock a second later (after several checks).
     */
    private Socket slowCallOn(byte[] request, byte[] whileItWaits) throws Exception {
        try (var lock = HeldLock.onResource(resource)) {
            Socket client = raw.open(request, 10_000);
            awaitWaiting(lock);
            send(client, whileItWaits);
            Thread.sleep(1_000);
            assertThat(lock.waiting()).as("still waiting for the lock after a second").hasSize(1);
            return client;
        }
    }

    private Socket slowCallOn(TestSigner.V1 request) throws Exception {
        return slowCallOn(get(request), new byte[0]);
    }

    private TestSigner.V1 call(String action) {
        return rpc.v1(key).action(action).param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", resource);
    }

    private TestSigner.V1 untag() {
        return call("UntagResources").param("TagKey.1", "env");
    }

    private TestSigner.V1 list() {
        return call("ListTagResources");
    }

    /** The one backend waiting for the lock, once it waits. */
    private static int awaitWaiting(HeldLock lock) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lock.waiting().size() == 1);
        return lock.waiting().get(0);
    }

    private byte[] get(TestSigner.V1 request) {
        return ("GET /?" + request.encodedParameters() + " HTTP/1.1\r\nHost: " + rpc.host() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] formHead(int length) {
        return ("POST / HTTP/1.1\r\nHost: " + rpc.host() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void send(Socket client, byte[] bytes) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** What arrives until the server closes the connection (a reset counts as a close). */
    private static byte[] everythingReceived(Socket client) {
        try {
            return client.getInputStream().readAllBytes();
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open", stillOpen);
        } catch (IOException reset) {
            return new byte[0];
        }
    }

    private static byte[] concat(byte[]... parts) {
        var all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** No WARN or ERROR line (nor stack trace) from a thread serving requests: a client that left is no fault. */
    private static void assertNoWarningFromTheWorkers(CapturedOutput output) {
        assertThat(output.getOut()).doesNotContainPattern("(WARN|ERROR) .*\\[[^]]*exec-\\d+\\]")
                .doesNotContain("Exception");
    }

    private double errors(String action) {
        return meters.find("ecs.tag.api.errors").tag("action", action).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long timed(String action, int status) {
        Timer timer = meters.find("ecs.tag.api.requests").tags("action", action, "status", Integer.toString(status))
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
