package dev.ecstags.tag;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code Tag.N} or {@code TagKey.N}: at most 20 ({@code NumberExceed.Tags}), every index N in 1..20
 * ({@code InvalidTagCount}); docs/contract.md §4.
 */
@Size(max = 20, message = "NUMBER_EXCEED_TAGS")
@IndexRange(min = 1, max = 20, message = "INVALID_TAG_COUNT")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface TagLimits {

    String message() default "NUMBER_EXCEED_TAGS";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
