package dev.ecstags.admin;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * With actuator on a port of its own ({@code MANAGEMENT_SERVER_PORT}), its endpoints live in a child context whose
 * web server does not take the main context's filters: the admin token is required there too.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ActuatorTokenManagementPortConfiguration {

    @Bean
    FilterRegistrationBean<ActuatorTokenFilter> actuatorTokenOnTheManagementPort(ActuatorTokenFilter filter) {
        return new FilterRegistrationBean<>(filter);
    }
}
