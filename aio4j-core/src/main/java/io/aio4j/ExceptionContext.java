package io.aio4j;

/**
 * One error report for an {@link ExceptionHandler}: asyncio's context dictionary as a record.
 * Every component but {@code message} may be {@code null}. Build reports with the factories,
 * which name what the report is about: {@link #of}, {@link #forTask}, {@link #forHandle},
 * {@link #forTransport}, and {@link #withSourceTraceback} to add where the object was created.
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

    /** A report about {@code task} ({@code exception} may be null, e.g. for a task destroyed while pending). */
    public static ExceptionContext forTask(String message, Throwable exception, Task<?> task) {
        return new ExceptionContext(message, exception, null, task, null, null, null, null);
    }

    /** A report about a callback, e.g. {@code "Exception in callback <Handle …>"}; {@code handle} may be null. */
    public static ExceptionContext forHandle(String message, Throwable exception, Handle handle) {
        return new ExceptionContext(message, exception, null, null, handle, null, null, null);
    }

    /**
     * A report about a connection: a failed protocol callback or a fatal transport error
     * ({@code transport} and {@code protocol} may be null when only one is known).
     */
    public static ExceptionContext forTransport(String message, Throwable exception, Object transport, Object protocol) {
        return new ExceptionContext(message, exception, null, null, null, transport, protocol, null);
    }

    /** This report with {@code frames} as where the object concerned was created (debug mode; null: none). */
    public ExceptionContext withSourceTraceback(StackTraceElement[] frames) {
        return new ExceptionContext(message, exception, future, task, handle, transport, protocol, frames);
    }
}
