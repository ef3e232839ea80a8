package dev.ecstags.inflight;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Replaces Spring Boot's JdbcTemplate (its JdbcClient and NamedParameterJdbcTemplate are built on this one) with
 * {@link WatchedJdbcTemplate}, configured from spring.jdbc.template.* as Boot configures its own.
 */
@Configuration(proxyBeanMethods = false)
class WatchedJdbcConfiguration {

    @Bean
    @Primary
    JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties, InFlightCalls calls,
            ObjectProvider<SQLExceptionTranslator> exceptionTranslator) {
        var jdbc = new WatchedJdbcTemplate(dataSource, calls);
        JdbcProperties.Template template = properties.getTemplate();
        jdbc.setIgnoreWarnings(template.isIgnoreWarnings());
        jdbc.setFetchSize(template.getFetchSize());
        jdbc.setMaxRows(template.getMaxRows());
        if (template.getQueryTimeout() != null) {
            jdbc.setQueryTimeout((int) template.getQueryTimeout().getSeconds());
        }
        jdbc.setSkipResultsProcessing(template.isSkipResultsProcessing());
        jdbc.setSkipUndeclaredResults(template.isSkipUndeclaredResults());
        jdbc.setResultsMapCaseInsensitive(template.isResultsMapCaseInsensitive());
        exceptionTranslator.ifUnique(jdbc::setExceptionTranslator);
        return jdbc;
    }
}
