package dev.ecstags.admin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The admin API's own refusals, as exceptions that {@link AdminProblemAdvice} renders as problem details. */
final class AdminProblems {

    private AdminProblems() {
    }

    static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
        // RFC 6750 §3: tell the client which scheme to use.
        refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ecs-tag-service admin\"");
        return refusal;
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
