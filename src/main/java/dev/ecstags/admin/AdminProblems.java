package dev.ecstags.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One broken field of a request: its path ("resources[0].regionId", "accountId"), the rule, an enum's values. */
    record FieldProblem(String field, String message, List<String> allowed) {

        FieldProblem(String field, String message) {
            this(field, message, null);
        }

        Map<String, Object> asProperty() {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("field", field);
            property.put("message", message);
            if (allowed != null) {
                property.put("allowed", allowed);
            }
            return property;
        }
    }

    /** The one shape of every admin 400: a problem detail whose {@code errors} names each broken field. */
    static ProblemDetail badRequestBody(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request breaks " + problems.size() + " rule(s); see errors.");
        problem.setTitle("Bad Request");
        problem.setProperty("errors", problems.stream().map(FieldProblem::asProperty).toList());
        return problem;
    }

    static ErrorResponseException badRequest(FieldProblem... problems) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, badRequestBody(List.of(problems)), null);
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
