package dev.ecstags.tag;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code ResourceId.N}: at most 50 ids, and no index above 50 (docs/contract.md §4); each part answers with its own
 * {@code ErrorCode}, which happens to be the same.
 */
@Size(max = 50, message = "NUMBER_EXCEED_RESOURCE_IDS")
@IndexRange(max = 50, message = "NUMBER_EXCEED_RESOURCE_IDS")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface ResourceIdLimits {

    String message() default "NUMBER_EXCEED_RESOURCE_IDS";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
