package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.RawHttp;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Each request whose body is still arriving holds a Tomcat processor and its header buffer, so their number is
 * bounded (tags.request.max-arriving): past it, one more is refused 503 at once and its connection closed, instead of
 * stalled sockets from one client filling the heap.
 */
@TestPropertySource(properties = {"tags.request.max-arriving=2", "TAGS_REQUEST_READ_TIMEOUT=2s"})
class ArrivingBodiesTest extends ServiceTest {

    static final String HEALTH = "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    @Test
    void pastTheBoundABodyIsRefusedAtOnceAndTheBoundFreesAsBodiesEnd() throws Exception {
        var raw = new RawHttp(port);
        try (Socket first = raw.open(SlowClientsTest.SLOW_HEAD, 30_000);
                Socket second = raw.open(SlowClientsTest.SLOW_HEAD, 30_000)) {
            Thread.sleep(200); // both are in the intake before the third arrives

            try (Socket third = raw.open(SlowClientsTest.SLOW_HEAD, 1_000)) {
                RpcResponse refused = RawHttp.read(third);
                assertThat(refused.status()).as("%s", refused).isEqualTo(503);
                assertThat(refused.code()).isEqualTo("ServiceUnavailable");
                assertThat(refused.requestId()).isEqualTo(refused.requestIdHeader()).isNotBlank();
                assertThat(RawHttp.closedByServer(third)).isTrue();
            }
            assertThat(raw.exchange(HEALTH).status()).as("a request without a body is not counted").isEqualTo(200);

            assertThat(RawHttp.read(first).status()).isEqualTo(408);
            assertThat(RawHttp.read(second).status()).isEqualTo(408);
        }

        try (Socket later = raw.open(SlowClientsTest.SLOW_HEAD, 30_000)) {
            RpcResponse answer = RawHttp.read(later);
            assertThat(answer.status()).as("waited for its body again, %s", answer).isEqualTo(408);
        }
    }
}
