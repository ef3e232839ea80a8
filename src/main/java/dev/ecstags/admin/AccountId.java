package dev.ecstags.admin;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An account id as docs/contract.md §6 defines it: 1 to 20 decimal digits. */
@NotNull
@Pattern(regexp = "\\d{1,20}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface AccountId {

    String message() default "must be a decimal account id of 1 to 20 digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
