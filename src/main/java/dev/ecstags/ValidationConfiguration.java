package dev.ecstags;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    /**
     * With JPA on the classpath Hibernate Validator asks JPA, for every property of every validated object, whether
     * it is loaded. Nothing validated here is a lazily loaded entity, and the tag hot path validates on every call.
     * (The service no longer uses JPA; this keeps the hot path free of that check should a JPA jar come back.)
     */
    @Bean
    ValidationConfigurationCustomizer traverseEveryProperty() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path,
                    ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path,
                    ElementType type) {
                return true;
            }
        });
    }
}
