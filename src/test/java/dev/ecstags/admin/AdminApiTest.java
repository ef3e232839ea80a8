package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.admin.AdminHttp.Reply;
import dev.ecstags.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;

/** What the admin API tests share: a client holding the operator's token, and the check of a refusal. */
abstract class AdminApiTest extends ServiceTest {

    AdminHttp admin;

    @BeforeEach
    void adminClient() {
        admin = new AdminHttp(port);
    }

    /** A refusal as RFC 9457 problem details, with its status, a title, and nothing of the code or SQL behind it. */
    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("title").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at dev.", "at org.", "select ", "insert ");
    }
}
