package dev.ecstags.inflight;

import org.springframework.dao.TransientDataAccessException;

/**
 * A watched call's statement failed because its client left: {@link InFlightCalls} cancelled it, or refused to start
 * it. The statement changed nothing (PostgreSQL rolled it back) and nobody is waiting for the answer: the call ends
 * without one, and nothing failed in the service.
 */
public class ClientLeftException extends TransientDataAccessException {

    ClientLeftException(String message, Throwable cause) {
        super(message, cause);
    }
}
