package dev.ecstags.tag;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link TagTarget} names a resource type: UntagResources, TagResources and ListTagResources require one, while
 * DescribeTags lists every type when none is named, so the rule sits on the action's target rather than in it.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResourceTypeNamed.Validator.class)
@interface ResourceTypeNamed {

    String message() default "MISSING_RESOURCE_TYPE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ResourceTypeNamed, TagTarget> {

        @Override
        public boolean isValid(TagTarget target, ConstraintValidatorContext context) {
            return target == null || target.namesResourceType();
        }
    }
}
