package dev.ecstags.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the RPC edge needs of Tomcat itself (its connector limits are plain settings in application.yml). */
@Configuration(proxyBeanMethods = false)
class TomcatEdgeConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiEnvelopeForTomcatErrors(EdgeErrors errors) {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    var valve = new EnvelopeErrorReportValve(errors);
                    // The host adds a valve of this class name at start unless its pipeline has one already.
                    host.setErrorReportValveClass(valve.getClass().getName());
                    host.getPipeline().addValve(valve);
                }
            });
            // Tomcat's HTTP/1.1 NIO protocol, whose processors let a call see whether its client has left.
            factory.setProtocol(WatchedProtocol.class.getName());
            // TRACE reaches the application, which refuses it (RequestIntakeFilter: 403 UnsupportedHTTPMethod, like
            // every method but GET and POST) instead of Tomcat's bare 405.
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }
}
