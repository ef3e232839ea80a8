package dev.ecstags.inflight;

/**
 * The connection a call's client sent it on, as the web server holds it: {@link InFlightCalls} asks it whether the
 * client is still there.
 */
public interface ClientConnection {

    /**
     * Whether the client has closed the connection (or it broke), looked at without waiting and without taking
     * anything the call or a later request on the connection would read. Called from the watcher's thread, only
     * while the call is watched, and never while the call's own thread could be using the connection: a watch
     * ends before the call writes its answer.
     */
    boolean closed();
}
