package dev.ecstags.error;

import lombok.Getter;

/** A request refused with one of the catalog's errors; nothing was changed. */
public class ApiException extends RuntimeException {

    @Getter
    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }
}
