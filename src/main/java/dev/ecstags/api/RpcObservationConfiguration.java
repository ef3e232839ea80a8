package dev.ecstags.api;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The RPC endpoint is timed once, by {@link RpcCallLog} ({@code ecs.tag.api.requests}, by action and status), and
 * its refusals are counted by code ({@code ecs.tag.api.errors}). Spring's own {@code http.server.requests}
 * observation of the same calls would say less (every call is {@code uri="/"}) and cost about a tenth of the
 * service's CPU per call (bench/README.md, profile), so it is kept for every other path only.
 */
@Configuration(proxyBeanMethods = false)
class RpcObservationConfiguration {

    @Bean
    ObservationPredicate rpcCallsTimedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && "/".equals(server.getCarrier().getRequestURI()));
    }
}
