package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecstags.TagsProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

class AdminTokenInterceptorTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void withoutAConfiguredTokenEveryCallIsRefused() {
        for (String unset : new String[]{null, "", "  "}) {
            AdminTokenInterceptor interceptor = interceptor(unset);
            for (String authorization : new String[]{null, "Bearer ", "Bearer  ", "Bearer anything"}) {
                assertThatThrownBy(() -> interceptor.preHandle(request(authorization), new MockHttpServletResponse(),
                        new Object()))
                        .isInstanceOfSatisfying(ErrorResponseException.class,
                                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
            }
        }
    }

    @Test
    void onlyTheConfiguredBearerTokenPasses() throws Exception {
        AdminTokenInterceptor interceptor = interceptor("s3cret");

        assertThat(interceptor.preHandle(request("Bearer s3cret"), new MockHttpServletResponse(), new Object()))
                .isTrue();
        assertThat(interceptor.preHandle(request("bearer s3cret"), new MockHttpServletResponse(), new Object()))
                .as("the scheme is case-insensitive").isTrue();
        for (String wrong : new String[]{null, "s3cret", "Basic s3cret", "Bearer s3cre", "Bearer s3cret2",
                "Bearer S3CRET", "Bearer "}) {
            assertThatThrownBy(() -> interceptor.preHandle(request(wrong), new MockHttpServletResponse(),
                    new Object()))
                    .as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    @Test
    void severalCommaSeparatedTokensAllPassSoThatANewOneCanBeRolledOutBeforeTheOldOneGoes() throws Exception {
        AdminTokenInterceptor interceptor = interceptor(" old-token , new-token ,");

        for (String token : new String[]{"old-token", "new-token"}) {
            assertThat(interceptor.preHandle(request("Bearer " + token), new MockHttpServletResponse(), new Object()))
                    .as(token).isTrue();
        }
        for (String wrong : new String[]{"Bearer old-token,new-token", "Bearer ", "Bearer old", "Bearer  , "}) {
            assertThatThrownBy(() -> interceptor.preHandle(request(wrong), new MockHttpServletResponse(),
                    new Object()))
                    .as(wrong)
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    private static AdminTokenInterceptor interceptor(String token) {
        return new AdminTokenInterceptor(
                new TagsProperties(new TagsProperties.Admin(token), MASTER_KEY, List.of("cn-hangzhou")));
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/admin/v1/resources");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
