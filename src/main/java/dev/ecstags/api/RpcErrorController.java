package dev.ecstags.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}) in the API's envelope instead of Spring Boot's JSON: what Spring or Tomcat
 * refuses before any handler runs (an unknown path, a method no handler takes, an exception that escaped) gets
 * the API's code for its status, with a RequestId. Called directly, {@code /error} is an unknown path like any
 * other: 404 {@code InvalidAction.NotFound}.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RpcErrorController implements ErrorController {

    private final EdgeErrors errors;

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        errors.write(request, response, EdgeErrors.forStatus(status));
    }
}
