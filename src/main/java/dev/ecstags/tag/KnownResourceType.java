package dev.ecstags.tag;

import dev.ecstags.resource.ResourceType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource type this service knows, in any case (absent or empty is another rule's business:
 * {@link ResourceTypeNamed}).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownResourceType.Validator.class)
@interface KnownResourceType {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownResourceType, String> {

        @Override
        public boolean isValid(String resourceType, ConstraintValidatorContext context) {
            return resourceType == null || resourceType.isEmpty() || ResourceType.fromWire(resourceType).isPresent();
        }
    }
}
