package dev.ecstags.auth;

/** A request whose signature holds: who signed it, and its nonce, still to be recorded. */
public record Authenticated(Caller caller, SignatureNonce nonce) {
}
