package dev.ecstags.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.error.ErrorCode;
import jakarta.validation.Constraint;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * {@link TagRequestRules} turns the message of every violated constraint back into an {@link ErrorCode} with
 * {@code valueOf}: a message that names no constant would answer 500 InternalError instead of the rule's code. This
 * reads every Bean Validation constraint declared in {@code dev.ecstags.tag} (on types, record components, fields,
 * methods such as the interfaces' {@code @AssertTrue} rules, and parameters; repeated and composed constraints
 * included) and requires its message to be the name of a constant.
 */
class ConstraintMessagesNameErrorCodesTest {

    private static final Set<String> ERROR_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @Test
    void everyConstraintMessageNamesAnErrorCode() throws ClassNotFoundException {
        var constraints = constraintsIn(classesOf("dev.ecstags.tag"));

        assertThat(constraints)
                .as("the scan sees the request rules")
                .extracting(Found::where)
                .contains("TagPairsRequest.isEveryTagKeyDistinct", "TagTarget.regionId", "TagResourcesRequest.tags",
                        "UntagResourcesRequest.isTagKeyOrAllGiven", "ListTagResourcesRequest.isAnySelectorGiven");
        assertThat(constraints)
                .filteredOn(found -> !ERROR_CODES.contains(found.message()))
                .as("constraints whose message is not an ErrorCode name (TagService would answer 500)")
                .isEmpty();
    }

    @Test
    void theScanCatchesAMessageThatNamesNoErrorCode() {
        var constraints = constraintsIn(List.of(Misspelt.class));

        assertThat(constraints).extracting(Found::message)
                .containsExactlyInAnyOrder("NUMBER_EXCEED_TAG", "MISSING_TAGS", "INVALID_TAG_COUNT");
        assertThat(constraints).filteredOn(found -> !ERROR_CODES.contains(found.message())).hasSize(1);
    }

    /** A deliberate typo, as a developer could make it. */
    record Misspelt(@Size(max = 20, message = "NUMBER_EXCEED_TAG") SortedMap<Integer, String> tags) {

        @AssertTrue(message = "MISSING_TAGS")
        public boolean isAnyTagGiven() {
            return !tags.isEmpty();
        }

        @IndexRange(max = 20, message = "INVALID_TAG_COUNT")
        SortedMap<Integer, String> indexed() {
            return tags;
        }
    }

    record Found(String where, Annotation constraint, String message) {
    }

    private static List<Class<?>> classesOf(String basePackage) throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true; // interfaces and records too
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        var classes = new ArrayList<Class<?>>();
        for (var definition : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.forName(definition.getBeanClassName(), ConstraintMessagesNameErrorCodesTest.class
                    .getClassLoader());
            if (!type.getSimpleName().endsWith("Test") && type.getEnclosingClass() == null) {
                classes.add(type);
            }
        }
        return classes;
    }

    private static List<Found> constraintsIn(List<Class<?>> classes) {
        var found = new ArrayList<Found>();
        for (Class<?> type : classes) {
            String name = type.getSimpleName();
            collect(name, type, found);
            for (var field : type.getDeclaredFields()) {
                collect(name + "." + field.getName(), field, found);
            }
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    collect(name + "." + component.getName(), component, found);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                collect(name + "." + method.getName(), method, found);
                for (var parameter : method.getParameters()) {
                    collect(name + "." + method.getName() + "(" + parameter.getName() + ")", parameter, found);
                }
            }
        }
        // A record component's annotation is also on its field and accessor: count each constraint once.
        return found.stream().distinct().toList();
    }

    private static void collect(String where, AnnotatedElement element, List<Found> found) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            collect(where, annotation, found);
        }
    }

    private static void collect(String where, Annotation annotation, List<Found> found) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (isConstraint(type)) {
            found.add(new Found(where, annotation,
                    (String) attribute(annotation, "message")));
            // A composed constraint (such as admin's AccountId) reports its parts' messages unless it says otherwise.
            if (type.getName().startsWith("dev.ecstags.") && !type.isAnnotationPresent(ReportAsSingleViolation.class)) {
                Stream.of(type.getDeclaredAnnotations()).forEach(part -> collect(where + "@" + type.getSimpleName(),
                        part, found));
            }
        } else if (attribute(annotation, "value") instanceof Annotation[] repeated) {
            Stream.of(repeated).forEach(each -> collect(where, each, found));
        }
    }

    private static boolean isConstraint(Class<? extends Annotation> type) {
        return type.isAnnotationPresent(Constraint.class) && attributeType(type, "message") == String.class;
    }

    private static Class<?> attributeType(Class<? extends Annotation> type, String name) {
        try {
            return type.getMethod(name).getReturnType();
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            Method method = annotation.annotationType().getMethod(name);
            method.setAccessible(true);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }
}
