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

/** The request names a region this deployment serves (absent or empty is another rule's business). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownRegion.Validator.class)
@interface KnownRegion {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownRegion, TagRequest> {

        private final Regions regions;

        Validator(Regions regions) {
            this.regions = regions;
        }

        @Override
        public boolean isValid(TagRequest request, ConstraintValidatorContext context) {
            String regionId = request.regionId();
            return regionId == null || regionId.isEmpty() || regions.contains(regionId);
        }
    }
}
