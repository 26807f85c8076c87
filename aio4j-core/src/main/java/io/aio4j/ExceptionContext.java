package io.aio4j;

/**
 * One error report for an {@link ExceptionHandler}: asyncio's context dictionary as a record.
 * Every component but {@code message} may be {@code null}.
 *
 * @param message what happened, e.g. {@code "Exception in callback <Handle …>"}
 * @param exception the exception, if any
 * @param future the future concerned (null in reports made after it was collected)
 * @param task the task concerned
 * @param handle the callback handle concerned
 * @param transport the transport concerned
 * @param protocol the protocol concerned
 * @param sourceTraceback where the object concerned was created (debug mode)
 */
public record ExceptionContext(String message, Throwable exception, Future<?> future,
        Task<?> task, Handle handle, Object transport, Object protocol,
        StackTraceElement[] sourceTraceback) {

    /** A report with only a message and an exception. */
    public static ExceptionContext of(String message, Throwable exception) {
        return new ExceptionContext(message, exception, null, null, null, null, null, null);
    }
}
