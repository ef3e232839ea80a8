package dev.ecstags.tag;

import dev.ecstags.resource.Regions;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** A region this deployment serves (absent or empty is another rule's business: {@code @NotEmpty}). */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownRegion.Validator.class)
@interface KnownRegion {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    class Validator implements ConstraintValidator<KnownRegion, String> {

        private final Regions regions;

        @Override
        public boolean isValid(String regionId, ConstraintValidatorContext context) {
            return regionId == null || regionId.isEmpty() || regions.contains(regionId);
        }
    }
}
