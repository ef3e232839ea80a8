package dev.ecstags.tag;

import dev.ecstags.error.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Checks a request against its rules (docs/contract.md §3 step 16, §4). Every rule is a Bean Validation constraint
 * whose message is the name of an {@link ErrorCode} constant ({@code ConstraintMessagesNameErrorCodesTest} keeps it
 * so); all of them are checked, and this is where the precedence among them is decided: the violated rule declared
 * first in {@code ErrorCode} answers.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TagRequestRules {

    private final Validator validator;

    /** Throws the ApiException of the first rule, in catalog order, that the request breaks. */
    void check(Object request) {
        ErrorCode first = null;
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            ErrorCode code = ErrorCode.valueOf(violation.getMessage());
            if (first == null || code.compareTo(first) < 0) {
                first = code;
            }
        }
        if (first != null) {
            throw first.exception();
        }
    }
}
