package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.RawHttp;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 6, item 1: clients that send a body slowly or not at all hold no worker thread and are cut off at the
 * deadline. With 4 workers, 100 stalled and 100 trickling sockets (a byte every 300 ms, which resets any
 * per-read timeout and, with a blocking read, would hold 100 workers for as long as it goes on), health and a
 * signed call from another client are still answered, and every slow socket gets the API's 408 and is closed.
 */
@TestPropertySource(properties = {"TAGS_REQUEST_READ_TIMEOUT=3s", "server.tomcat.threads.max=4",
        "server.tomcat.threads.min-spare=2", "tags.request.max-buffered-bytes=1MB"})
class SlowClientsTest extends ServiceTest {

    static final int STALLED = 100;
    static final int TRICKLING = 100;
    static final byte[] SLOW_HEAD = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n\r\nAction=").getBytes(StandardCharsets.US_ASCII);

    @Test
    void slowClientsHoldNoWorkerAndAreCutOffAtTheDeadline() throws Exception {
        var raw = new RawHttp(port);
        List<Socket> stalled = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        var trickler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(raw.open(SLOW_HEAD, 30_000));
            }
            for (int i = 0; i < TRICKLING; i++) {
                trickling.add(raw.open(SLOW_HEAD, 30_000));
            }
            trickler.scheduleAtFixedRate(() -> trickling.forEach(SlowClientsTest::sendOneByte),
                    0, 300, TimeUnit.MILLISECONDS);
            // Bounded whatever happens: the trickle stops after a minute.
            trickler.schedule(trickler::shutdown, 60, TimeUnit.SECONDS);

            assertThat(health().statusCode()).isEqualTo(200);
            RpcResponse signed = signedCall();
            assertThat(signed.status()).as("%s", signed).isEqualTo(200);

            for (Socket socket : concat(stalled, trickling)) {
                RpcResponse answer = RawHttp.read(socket);
                assertThat(answer.status()).as("%s", answer).isEqualTo(408);
                assertThat(answer.code()).isEqualTo("RequestTimeout");
                assertThat(answer.requestId()).isEqualTo(answer.requestIdHeader()).isNotBlank();
                assertThat(RawHttp.closedByServer(socket)).isTrue();
            }
        } finally {
            trickler.shutdownNow();
            for (Socket socket : concat(stalled, trickling)) {
                socket.close();
            }
        }
    }

    /**
     * A body that follows its head in parts (a slow link, a large call) is read without a worker, the part that came
     * with the head included, and then answered as any other.
     */
    @Test
    void aBodyArrivingInPartsAfterItsHeadIsAnswered() throws Exception {
        byte[] body = rpc.v1(newNormalKey()).method("POST").inFormBody().action("ListTagResources")
                .param("RegionId", "cn-hangzhou").param("ResourceType", "instance").param("ResourceId.1", "i-none")
                .toSignedRequest().body();
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        var firstPart = new ByteArrayOutputStream();
        firstPart.write(head.getBytes(StandardCharsets.US_ASCII));
        firstPart.write(body, 0, 10);
        try (Socket socket = new RawHttp(port).open(firstPart.toByteArray(), 30_000)) {
            Thread.sleep(300);
            socket.getOutputStream().write(body, 10, body.length - 10);
            socket.getOutputStream().flush();

            RpcResponse answer = RawHttp.read(socket);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        }
    }

    /** Bodies in memory are bounded all together, not only one by one (1 MB in this test's context). */
    @Test
    void bodiesBeyondTheMemoryBudgetAreRefusedUnavailable() throws Exception {
        var raw = new RawHttp(port);
        String form = "Action=" + "a".repeat(600 * 1024);
        byte[] head = ("POST /?Format=JSON HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (form.length() + 10)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + form)
                .getBytes(StandardCharsets.US_ASCII);
        // Two bodies of 600 kB, each 10 bytes short so that it stays in memory until the deadline: whichever
        // passes the budget first is refused; the other is refused too if its bytes arrive before the first's are
        // released, else it is held and then times out.
        try (Socket first = raw.open(head, 30_000); Socket second = raw.open(head, 30_000)) {
            RpcResponse a = RawHttp.read(first);
            RpcResponse b = RawHttp.read(second);
            List<String> answers = List.of(a.status() + " " + a.code(), b.status() + " " + b.code());
            assertThat(answers).contains("503 ServiceUnavailable")
                    .allMatch(answer -> answer.equals("503 ServiceUnavailable") || answer.equals("408 RequestTimeout"));
            // Both requests are over: their bytes are released.
            assertThat(RawHttp.closedByServer(first)).isTrue();
            assertThat(RawHttp.closedByServer(second)).isTrue();
        }
        // Released: a body that fits is received again.
        try (Socket later = raw.open(head, 30_000)) {
            later.getOutputStream().write("&Format=JS".getBytes(StandardCharsets.US_ASCII));
            RpcResponse answer = RawHttp.read(later);
            assertThat(answer.code()).as("%s", answer).isEqualTo("MissingParameter");
        }
    }

    static void sendOneByte(Socket socket) {
        try {
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
        } catch (IOException closedByTheServer) {
            // answered and closed: nothing more to trickle
        }
    }

    static List<Socket> concat(List<Socket> a, List<Socket> b) {
        List<Socket> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    HttpResponse<String> health() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    RpcResponse signedCall() {
        var key = newNormalKey();
        String account = key.accountId();
        String id = TestIds.resource("i-slow");
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", id, account, true)));
        return new RpcClient(port).v1(key).action("TagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", id).param("Tag.1.Key", "env")
                .param("Tag.1.Value", "prod").send();
    }
}
