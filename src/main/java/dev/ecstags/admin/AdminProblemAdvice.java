package dev.ecstags.admin;

import dev.ecstags.admin.AdminProblems.FieldProblem;
import dev.ecstags.resource.ResourceInventory.InvalidRegistrationException;
import dev.ecstags.resource.ResourceType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of an admin call into an RFC 9457 problem detail ({@code application/problem+json}): Spring
 * MVC's own (malformed body, 405, 415...) through {@link ResponseEntityExceptionHandler}, the admin API's refusals,
 * and anything unexpected as a bare 500 whose cause goes to the log only. Every 400 has one shape: an {@code errors}
 * list naming each broken field, its rule, and for an enum its allowed values. Ordered first so that an advice of
 * another feature never answers an admin call.
 */
@RestControllerAdvice(basePackageClasses = AdminProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminProblemAdvice.class);

    @ExceptionHandler(InvalidRegistrationException.class)
    ProblemDetail invalidRegistration(InvalidRegistrationException e) {
        // Its message is "<field>: <rule>".
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        String field = colon < 0 ? "resources" : message.substring(0, colon);
        String rule = colon < 0 ? message : message.substring(colon + 2);
        FieldProblem problem = field.endsWith(".resourceType")
                ? new FieldProblem(field, rule,
                        Arrays.stream(ResourceType.values()).map(ResourceType::wireName).toList())
                : new FieldProblem(field, rule);
        return AdminProblems.badRequestBody(List.of(problem));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterOfWrongType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return AdminProblems.badRequestBody(List.of(type != null && type.isEnum()
                ? new FieldProblem(e.getName(), "must be one of the allowed values", enumValues(type))
                : new FieldProblem(e.getName(), "must be " + describe(type))));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(Exception e) {
        log.warn("Admin call failed: the database cannot be reached: {}", e.toString());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached; try again later.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Admin call failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The admin call failed unexpectedly; the service log has the details.");
    }

    /** Names each broken rule, so that an operator can fix the request without guessing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object target = e.getBindingResult().getTarget();
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldProblem(target, error))
                .toList();
        return handleExceptionInternal(e, AdminProblems.badRequestBody(problems), headers, status, request);
    }

    /** A body that is no JSON, or a value of the wrong type ({@code "status":"Bogus"}): the field, and its values. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = new FieldProblem("body", "is not a JSON object of the expected shape");
        if (e.getMostSpecificCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch.getPath());
            Class<?> type = mismatch.getTargetType();
            problem = type != null && type.isEnum()
                    ? new FieldProblem(field, "must be one of the allowed values", enumValues(type))
                    : new FieldProblem(field, "must be " + describe(type));
        }
        return handleExceptionInternal(e, AdminProblems.badRequestBody(List.of(problem)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, AdminProblems.badRequestBody(
                List.of(new FieldProblem(e.getParameterName(), "is required"))), headers, status, request);
    }

    private static FieldProblem fieldProblem(Object target, FieldError error) {
        String message = String.valueOf(error.getDefaultMessage());
        Class<?> type = target == null ? null : componentType(target.getClass(), error.getField());
        return type != null && type.isEnum()
                ? new FieldProblem(error.getField(), message, enumValues(type))
                : new FieldProblem(error.getField(), message);
    }

    private static Class<?> componentType(Class<?> record, String field) {
        RecordComponent[] components = record.getRecordComponents();
        return components == null
                ? null
                : Arrays.stream(components)
                        .filter(component -> component.getName().equals(field))
                        .map(RecordComponent::getType)
                        .findFirst().orElse(null);
    }

    private static List<String> enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(value -> ((Enum<?>) value).name()).toList();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
