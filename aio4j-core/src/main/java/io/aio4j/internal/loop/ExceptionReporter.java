package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionHandler;
import io.aio4j.Handle;
import io.aio4j.internal.log.AioLogger;

/**
 * Where a loop's errors without a caller go (asyncio's {@code call_exception_handler}): the
 * installed {@link ExceptionHandler}, or the default one, which logs an ERROR on the
 * {@code System.Logger} named {@code aio4j} with asyncio's lines ({@link ExceptionReport}). A handler
 * that throws is itself reported, and never stops the loop.
 */
final class ExceptionReporter {
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop owner;
    private ExceptionHandler handler;

    /** Reports of {@code owner}, the loop handlers are given. */
    ExceptionReporter(EventLoop owner) {
        this.owner = owner;
    }

    /** The installed handler, or null for the default. */
    ExceptionHandler handler() {
        return handler;
    }

    /** Installs {@code handler} (null: the default). */
    void setHandler(ExceptionHandler handler) {
        this.handler = handler;
    }

    /** {@code EventLoop.callExceptionHandler}. */
    void report(ExceptionContext context) {
        ExceptionHandler h = handler;
        if (h == null) {
            try {
                reportByDefault(context);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler", t);
            }
            return;
        }
        try {
            h.handle(owner, context);
        } catch (Throwable t) {
            try {
                reportByDefault(ExceptionContext.of("Unhandled error in exception handler", t));
                reportByDefault(context);
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler "
                        + "while handling an unexpected error in custom exception handler", again);
            }
        }
    }

    /** {@code EventLoop.defaultExceptionHandler}: the ERROR record. */
    void reportByDefault(ExceptionContext context) {
        LOG.log(System.Logger.Level.ERROR, ExceptionReport.format(context), context.exception());
    }

    /** A callback run by the loop threw {@code error}: {@code "Exception in callback <Handle …>"}. */
    void callbackFailed(Runnable callback, Throwable error) {
        Handle handle = callback instanceof Handle h ? h : null;
        StackTraceElement[] source = callback instanceof RealHandle rh ? rh.sourceTraceback() : null;
        report(ExceptionContext.forHandle("Exception in callback " + callback, error, handle).withSourceTraceback(source));
    }
}
