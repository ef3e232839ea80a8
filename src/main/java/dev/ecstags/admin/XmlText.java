package dev.ecstags.admin;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that XML 1.0 can carry (its {@code Char} production): what the admin API stores is later listed by
 * ListTagResources, in XML by default, so a control character, U+FFFE/U+FFFF or a lone surrogate is refused here
 * rather than breaking every listing that would show it. (A lone surrogate is a code point of its own to
 * {@link java.util.regex.Pattern}, outside every range below.)
 */
@Pattern(regexp = "[\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface XmlText {

    String message() default "must not contain control characters or other characters XML cannot carry";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
