package dev.ecstags.admin;

import dev.ecstags.TagsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metrics and the other actuator endpoints are for operators: they need the admin token, checked by the admin
 * API's own {@link AdminTokenInterceptor}. Health ({@code /actuator/health} and its groups, such as liveness and
 * readiness) stays open for load balancers and orchestrators. A refusal is the admin API's 401 problem detail.
 *
 * <p>A filter rather than an interceptor: actuator's handler mapping does not run Spring MVC's interceptors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ActuatorTokenFilter extends OncePerRequestFilter {

    private static final String ACTUATOR = "/actuator";
    private static final String HEALTH = ACTUATOR + "/health";

    private final AdminTokenInterceptor token;
    private final JsonMapper json = JsonMapper.builder().build();

    ActuatorTokenFilter(TagsProperties properties) {
        this.token = new AdminTokenInterceptor(properties);
    }

    /** The servlet path is decoded and normalised ({@code ;params} and {@code ..} resolved), as the mapping sees it. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean actuator = path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
        boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
        return !actuator || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            token.preHandle(request, response, this);
        } catch (ErrorResponseException refusal) {
            ProblemDetail problem = refusal.getBody();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            response.setStatus(refusal.getStatusCode().value());
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType("application/problem+json");
            byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            return;
        }
        chain.doFilter(request, response);
    }
}
