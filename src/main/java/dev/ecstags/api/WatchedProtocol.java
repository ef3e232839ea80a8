package dev.ecstags.api;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * The connector's protocol: Tomcat's HTTP/1.1 over NIO, whose processors let a call look at its own client's
 * connection ({@link WatchedProcessor}). Public with a public constructor because Tomcat makes it from its class
 * name ({@link TomcatEdgeConfiguration}).
 */
public class WatchedProtocol extends Http11NioProtocol {

    @Override
    protected Processor createProcessor() {
        return new WatchedProcessor(this, getAdapter());
    }
}
