package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** Issue 6, item 6: a client that leaves is not a failure of the service: no InternalError, no answer. */
class ClientAbortTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RpcExceptionHandler handler = new RpcExceptionHandler(new EdgeErrors(new RpcRenderer(), meters));

    @ParameterizedTest
    @ValueSource(strings = {"ClientAbortException", "AsyncRequestNotUsableException", "Broken pipe"})
    void aClientThatLeftIsNotCountedAsAnError(String kind) throws IOException {
        Exception left = switch (kind) {
            case "ClientAbortException" -> new ClientAbortException(new IOException("Connection reset by peer"));
            case "AsyncRequestNotUsableException" -> new AsyncRequestNotUsableException("Response not usable");
            default -> new IOException("Broken pipe");
        };

        var answer = new MockHttpServletResponse();
        handler.failed(left, new MockHttpServletRequest("POST", "/"), answer);

        assertThat(answer.getContentAsByteArray()).isEmpty();
        assertThat(meters.find("ecs.tag.api.errors").counters()).isEmpty();
    }

    @Test
    void anyOtherFaultIsStillAnInternalError() throws IOException {
        var answer = new MockHttpServletResponse();
        handler.failed(new IllegalStateException("bug"), new MockHttpServletRequest("POST", "/"), answer);

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(meters.find("ecs.tag.api.errors").tag("code", "InternalError").counter().count()).isEqualTo(1);
    }
}
