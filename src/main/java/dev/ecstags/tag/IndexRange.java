package dev.ecstags.tag;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.SortedMap;

/** Every index N of a repeat list ({@code ResourceId.N}, {@code Tag.N…}) lies in [min, max]. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IndexRange.Validator.class)
@interface IndexRange {

    int min() default 1;

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IndexRange, SortedMap<Integer, ?>> {

        private int min;
        private int max;

        @Override
        public void initialize(IndexRange range) {
            this.min = range.min();
            this.max = range.max();
        }

        @Override
        public boolean isValid(SortedMap<Integer, ?> byIndex, ConstraintValidatorContext context) {
            return byIndex == null || byIndex.isEmpty() || (byIndex.firstKey() >= min && byIndex.lastKey() <= max);
        }
    }
}
