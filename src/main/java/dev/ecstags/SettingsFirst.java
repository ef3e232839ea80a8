package dev.ecstags;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's settings are bound and validated before anything touches the database: a wrong setting stops the
 * start with a message naming its environment variable, before a connection is opened or Flyway migrates.
 */
@Configuration(proxyBeanMethods = false)
class SettingsFirst {

    /** Every DataSource waits for the settings (the pool is created, and its size bound, only after them). */
    @Bean
    static BeanFactoryPostProcessor dataSourcesAfterSettings() {
        return beanFactory -> {
            String[] settings = beanFactory.getBeanNamesForType(TagsProperties.class, false, false);
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, false, false)) {
                if (beanFactory.containsBeanDefinition(name)) {
                    BeanDefinition definition = beanFactory.getBeanDefinition(name);
                    String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Arrays.stream(settings))
                            .distinct().toArray(String[]::new));
                }
            }
        };
    }

    /** Flyway collects its customizers before it migrates, even with a connection of its own (spring.flyway.url). */
    @Bean
    FlywayConfigurationCustomizer settingsCheckedBeforeMigrating(TagsProperties properties) {
        return configuration -> {
        };
    }
}
