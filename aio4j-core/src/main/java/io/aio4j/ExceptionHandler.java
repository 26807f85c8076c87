package io.aio4j;

/**
 * Receives the errors that have no caller to go to: exceptions thrown by callbacks, futures
 * whose exception was never retrieved, and the like. Installed with
 * {@link EventLoop#setExceptionHandler}; runs on the loop's thread and must not block.
 */
@FunctionalInterface
public interface ExceptionHandler {
    /** Handles one error report. Exceptions it throws are logged, never propagated. */
    void handle(EventLoop loop, ExceptionContext context);
}
