package io.aio4j;

/**
 * asyncio's {@code InvalidStateError}: an operation not allowed in the future's current
 * state, such as completing a future twice or reading the result of a pending one.
 */
public class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** An invalid-state error with the given message. */
    public InvalidStateException(String message) {
        super(message);
    }
}
