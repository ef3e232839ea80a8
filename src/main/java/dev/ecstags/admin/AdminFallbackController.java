package dev.ecstags.admin;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers the admin requests that no admin endpoint takes, so that their 404 and 405 are problem details from
 * {@link AdminProblemAdvice} too. (Spring raises those before any handler is chosen, where an advice scoped to this
 * package does not apply.)
 */
@RestController
@Hidden // not an endpoint of the API: it only answers requests that no endpoint takes
class AdminFallbackController {

    private final ObjectProvider<RequestMappingHandlerMapping> handlerMapping;

    AdminFallbackController(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    @RequestMapping("/admin/**")
    void unmatched(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowedMethods = new TreeSet<>();
        handlerMapping.getObject().getHandlerMethods().forEach((mapping, handler) -> {
            if (isAnotherAdminEndpoint(handler) && matchesPath(mapping, request)) {
                mapping.getMethodsCondition().getMethods().forEach(method -> allowedMethods.add(method.name()));
            }
        });
        if (!allowedMethods.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowedMethods);
        }
        throw AdminProblems.notFound("There is no admin endpoint " + request.getRequestURI() + ".");
    }

    private static boolean isAnotherAdminEndpoint(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return type != AdminFallbackController.class
                && type.getPackageName().equals(AdminFallbackController.class.getPackageName());
    }

    private static boolean matchesPath(RequestMappingInfo mapping, HttpServletRequest request) {
        var patterns = mapping.getPathPatternsCondition();
        return patterns != null && patterns.getMatchingCondition(request) != null;
    }
}
